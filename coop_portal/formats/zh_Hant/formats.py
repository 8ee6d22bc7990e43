"""Traditional Chinese pages write dates and numbers exactly as the Simplified ones do
(2023年10月11日, 15:07), from which they are converted (core/i18n/languages.py): Django's
Simplified formats, named here so that they cannot drift from them."""

from django.conf.locale.zh_Hans.formats import *  # noqa: F403
