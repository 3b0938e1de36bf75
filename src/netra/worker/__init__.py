"""The background worker: task leases, heartbeats, supervision and the periodic round."""
