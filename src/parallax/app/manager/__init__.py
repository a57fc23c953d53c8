"""The glossary manager screen (``ctrl+g``): every glossary, its terms filtered and sorted."""
