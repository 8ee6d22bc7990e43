"""Settings package: ``base`` holds what every environment shares; ``dev``,
``test`` and ``production`` each import it and change only what differs."""
