# A fixture plugin: gives each list item that opens with bold text an id made of that text.
def list_anchors(content)
  content.gsub!(/^ *- \*\*(.+?)\*\*/) do |item|
    slug = Regexp.last_match(1).downcase.gsub(/[^a-z0-9]+/, "-")
    item.sub("- ", "- {:##{slug}} ")
  end
end

Jekyll::Hooks.register :documents, :pre_render do |document|
  list_anchors(document.content)
end
