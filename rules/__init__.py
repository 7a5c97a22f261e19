"""Rule data (TOML) shipped inside the installed package as ``artlint.ruledata``."""
