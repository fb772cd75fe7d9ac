"""Reports: what recruiters and candidates read (HTML and PDF share one rendering)."""
