"""drafter: Vietnamese news articles and Party reports about congresses and conferences, from YAML."""
__version__ = "0.1.0"
