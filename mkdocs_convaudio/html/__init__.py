"""HTML: the player and transcript a page gets."""
