"""Process facilitators (วิทยากรกระบวนการ)."""
