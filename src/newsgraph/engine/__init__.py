"""Where articles run: this process, or a pool of local worker processes (Ray later)."""
