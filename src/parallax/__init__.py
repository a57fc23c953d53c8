"""parallax: Chinese and English side by side, aligned, with your glossary lit on both sides."""

__version__ = "0.1.0"
