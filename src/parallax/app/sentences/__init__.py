"""The sentence view of one pair (``v``): one row per sentence bead, fixable by hand."""
