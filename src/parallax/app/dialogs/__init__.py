"""Modal dialogs: each asks one thing and dismisses with a typed result (``None`` on escape).
Screens push them and act on the result; a dialog never imports a screen."""
