"""Audio: types, assembly, loudness and encoding."""
