# Writes one page per entry of the configuration's `moved:` table, pointing at its target.
module Jekyll
  class MovedPageGenerator < Generator
    def generate(site)
      (site.config['moved'] || {}).each do |from, to|
        site.pages << MovedPage.new(site, site.source, from.split('#').first, to)
      end
    end
  end
end
