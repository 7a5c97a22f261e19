"""Rules about markdown markup that renders as something other than the author meant."""
