"""Voices: the voice map and the language-free keys translations share."""
