"""USB cellular modems (AT channel, vendor dialects, discovery) and GPS receivers; Qt-free."""
