-- An end user's own asset (decision 0020): the user of the owning organization who registered it from
-- their device (decision 0021); null for the organization's own assets.
ALTER TABLE asset ADD COLUMN end_user VARCHAR(32);
