"""Everything that touches the data folder: atomic writes, the team's local store, the lead's
county store, device keys, the folder lock, signed bundles, the verification records."""
