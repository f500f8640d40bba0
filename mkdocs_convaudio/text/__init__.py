"""Text: finding conversations in pages, reading turns, spoken text and splitting."""
