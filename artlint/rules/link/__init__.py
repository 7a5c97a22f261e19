"""Rules about links: spam, dead domains, insecure and malformed URLs, anchor text, local targets."""
