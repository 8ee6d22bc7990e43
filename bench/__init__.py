"""The benchmark (bench/run.sh): its settings, its URLconf with the baseline view, and its scripts.
Nothing here is used by the site itself."""
