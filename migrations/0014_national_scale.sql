-- Speed at national scale (issue 11): lists of networks are paged in the order of the
-- municipality's and the network's name. These indexes let a page be read in that order
-- (nested loop over kommunen by name, networks by municipality) instead of sorting every
-- network of the country for each page.
CREATE INDEX kommunen_name_idx ON kommunen (name, ags);
CREATE INDEX kommunen_land_name_idx ON kommunen (land_code, name, ags);
CREATE INDEX networks_kommune_name_idx ON networks (kommune_ags, name, id);
DROP INDEX networks_kommune_idx;
