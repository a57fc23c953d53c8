"""The reader: the document side by side (:mod:`.screen`), its term keys (:mod:`.terms`), its
alignment fixer (:mod:`.alignment`) and its background steps (:mod:`.tasks`)."""
