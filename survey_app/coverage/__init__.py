"""Coverage maps: H3 hexagon summaries, the gap finder, revisit assignments and offline basemaps (Qt-free)."""
