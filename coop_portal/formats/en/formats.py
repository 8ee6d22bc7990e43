"""English dates in one style, day first, as the portal's own English text writes them
("1 November 2006"), instead of Django's American default ("Nov. 1, 2006") beside it."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
