"""Languages: which ones the site has and how pages name them (``languages``), Traditional Chinese
derived from Simplified (``traditional``), a page in a language its object has no text in
(``one_language``), English and Chinese side by side (``side_by_side``) and Chinese line breaks
(``line_breaks``)."""
