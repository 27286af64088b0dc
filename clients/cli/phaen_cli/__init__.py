"""The ``phaen`` command line: the secretariat's and coordinators' tool over the public API (เครื่องมือบรรทัดคำสั่ง)."""
