-- The next migration rebuilds search_terms (kind first in its key); triggers that name it must go first.
DROP TRIGGER IF EXISTS `people_search_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `people_search_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `people_search_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `units_search_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `units_search_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `units_search_delete`;
