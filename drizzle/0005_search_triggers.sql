-- Search index kept in step with every write, in the same transaction, by triggers.
-- search_terms_json() is registered on each connection by db/connection.ts (lib/search/phonetic.ts).
-- Mobile fragments go to a contentless trigram index (3+ digits, any position).
CREATE VIRTUAL TABLE `people_phone_fts` USING fts5(digits, content='', contentless_delete=1, tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `people_search_insert` AFTER INSERT ON `people` BEGIN
  INSERT OR IGNORE INTO search_terms (term, kind, ref_id) SELECT value, 'p', NEW.id FROM json_each(search_terms_json(NEW.name_hi, NEW.name_en));
  INSERT INTO people_phone_fts (rowid, digits) VALUES (NEW.id, trim(replace(coalesce(NEW.mobile, ''), '+91', '') || ' ' || replace(coalesce(NEW.whatsapp, ''), '+91', '')));
END;
--> statement-breakpoint
CREATE TRIGGER `people_search_update` AFTER UPDATE OF name_hi, name_en, mobile, whatsapp ON `people` BEGIN
  DELETE FROM search_terms WHERE kind = 'p' AND ref_id = OLD.id;
  INSERT OR IGNORE INTO search_terms (term, kind, ref_id) SELECT value, 'p', NEW.id FROM json_each(search_terms_json(NEW.name_hi, NEW.name_en));
  DELETE FROM people_phone_fts WHERE rowid = OLD.id;
  INSERT INTO people_phone_fts (rowid, digits) VALUES (NEW.id, trim(replace(coalesce(NEW.mobile, ''), '+91', '') || ' ' || replace(coalesce(NEW.whatsapp, ''), '+91', '')));
END;
--> statement-breakpoint
CREATE TRIGGER `people_search_delete` AFTER DELETE ON `people` BEGIN
  DELETE FROM search_terms WHERE kind = 'p' AND ref_id = OLD.id;
  DELETE FROM people_phone_fts WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `units_search_insert` AFTER INSERT ON `units` BEGIN
  INSERT OR IGNORE INTO search_terms (term, kind, ref_id) SELECT value, 'u', NEW.id FROM json_each(search_terms_json(NEW.name_hi, NEW.name_en, NEW.code));
END;
--> statement-breakpoint
CREATE TRIGGER `units_search_update` AFTER UPDATE OF name_hi, name_en, code ON `units` BEGIN
  DELETE FROM search_terms WHERE kind = 'u' AND ref_id = OLD.id;
  INSERT OR IGNORE INTO search_terms (term, kind, ref_id) SELECT value, 'u', NEW.id FROM json_each(search_terms_json(NEW.name_hi, NEW.name_en, NEW.code));
END;
--> statement-breakpoint
CREATE TRIGGER `units_search_delete` AFTER DELETE ON `units` BEGIN
  DELETE FROM search_terms WHERE kind = 'u' AND ref_id = OLD.id;
END;
--> statement-breakpoint
INSERT OR IGNORE INTO search_terms (term, kind, ref_id) SELECT j.value, 'p', p.id FROM people p, json_each(search_terms_json(p.name_hi, p.name_en)) j;
--> statement-breakpoint
INSERT OR IGNORE INTO search_terms (term, kind, ref_id) SELECT j.value, 'u', u.id FROM units u, json_each(search_terms_json(u.name_hi, u.name_en, u.code)) j;
--> statement-breakpoint
INSERT INTO people_phone_fts (rowid, digits) SELECT id, trim(replace(coalesce(mobile, ''), '+91', '') || ' ' || replace(coalesce(whatsapp, ''), '+91', '')) FROM people;
