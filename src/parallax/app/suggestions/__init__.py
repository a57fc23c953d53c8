"""The suggested term pairs of a document (``S``): accept, edit or reject each."""
