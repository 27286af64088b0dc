"""Partner agencies (ภาคีพัฒนา) and their MOUs."""
