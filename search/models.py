"""No models: search reads the content apps' (their ``search_weights``). The module exists so that
Django sends this app ``post_migrate`` (it does only to apps with a models module), on which
``SearchConfig.ready`` makes the search indexes after every ``migrate``."""
