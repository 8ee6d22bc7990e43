"""What editors meet in the admin, shared by every content app: the admin mixins (``admin``,
``translations``), roles (``roles``), the rich-text editor (``widgets``), edits that cross
(``concurrency``), history pages (``history_admin``) and the admin's language (``admin_language``)."""
