# A generator of the fixture site: one page per package category, made without a source file.
module Packages
  class Generator < Jekyll::Generator
    def generate(site)
      site.data["categories"].to_a.each do |category|
        site.pages << Jekyll::PageWithoutAFile.new(site, site.source, "packages", "#{category['slug']}.md")
      end
    end
  end
end
