"""The pure domain: the campaign model, scoring, ranking, calibration. No file IO, no storage,
no Textual (a test proves it): given values in, values out."""
