"""Initial schema: every content table, for SQLite and PostgreSQL.

aerich writes a migration's SQL for the dialect it was generated on; this one carries both, so
the same history applies to the embedded default and to production.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return POSTGRES_UPGRADE if db.capabilities.dialect == "postgres" else SQLITE_UPGRADE


async def downgrade(db: BaseDBAsyncClient) -> str:
    raise NotImplementedError("The initial migration cannot be reverted; drop the database instead.")


SQLITE_UPGRADE = r"""
CREATE TABLE IF NOT EXISTS "country" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "state" VARCHAR(16) NOT NULL /* DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived */,
    "published_at" TIMESTAMP,
    "version" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "sources" JSON NOT NULL,
    "note" TEXT,
    "code" VARCHAR(2) NOT NULL UNIQUE /* ISO 3166-1 alpha-2 */,
    "name_sv" VARCHAR(200),
    "name_it" VARCHAR(200),
    "name_en" VARCHAR(200),
    "eu_member" INT NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_country_state_3deb1c" ON "country" ("state");
CREATE TABLE IF NOT EXISTS "region" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "state" VARCHAR(16) NOT NULL /* DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived */,
    "published_at" TIMESTAMP,
    "version" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "sources" JSON NOT NULL,
    "note" TEXT,
    "code" VARCHAR(8) NOT NULL UNIQUE /* NUTS code */,
    "name_sv" VARCHAR(200),
    "name_it" VARCHAR(200),
    "name_en" VARCHAR(200),
    "level" SMALLINT NOT NULL /* NUTS level: 1, 2 or 3 */,
    "country_id" INT NOT NULL REFERENCES "country" ("id") ON DELETE RESTRICT,
    "parent_id" INT REFERENCES "region" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_region_state_b32852" ON "region" ("state");
CREATE TABLE IF NOT EXISTS "theme" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "state" VARCHAR(16) NOT NULL /* DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived */,
    "published_at" TIMESTAMP,
    "version" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "sources" JSON NOT NULL,
    "note" TEXT,
    "slug" VARCHAR(100) NOT NULL UNIQUE,
    "name_sv" VARCHAR(200),
    "name_it" VARCHAR(200),
    "name_en" VARCHAR(200),
    "description_sv" TEXT,
    "description_it" TEXT,
    "description_en" TEXT
);
CREATE INDEX IF NOT EXISTS "idx_theme_state_3ee833" ON "theme" ("state");
CREATE TABLE IF NOT EXISTS "organisation" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "state" VARCHAR(16) NOT NULL /* DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived */,
    "published_at" TIMESTAMP,
    "version" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "sources" JSON NOT NULL,
    "note" TEXT,
    "slug" VARCHAR(100) NOT NULL UNIQUE,
    "name" VARCHAR(300) NOT NULL,
    "short_name" VARCHAR(100),
    "kind" VARCHAR(40) NOT NULL /* MUNICIPALITY: municipality\nREGION: region\nASSOCIATION_OF_MUNICIPALITIES: association_of_municipalities\nUNIVERSITY: university\nAGENCY: agency\nCOMPANY: company\nNGO: ngo\nSCHOOL: school\nOTHER: other */,
    "municipality_code" VARCHAR(10) /* kommunkod \/ ISTAT */,
    "website" VARCHAR(500),
    "email" VARCHAR(254) /* public e-mail of the organisation */,
    "phone" VARCHAR(50) /* public phone of the organisation */,
    "address" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "logo_url" VARCHAR(500),
    "description_sv" TEXT,
    "description_it" TEXT,
    "description_en" TEXT,
    "country_id" INT NOT NULL REFERENCES "country" ("id") ON DELETE RESTRICT,
    "parent_id" INT REFERENCES "organisation" ("id") ON DELETE SET NULL,
    "region_id" INT REFERENCES "region" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_organisatio_state_b2df3f" ON "organisation" ("state");
CREATE INDEX IF NOT EXISTS "idx_organisatio_name_36ddcf" ON "organisation" ("name");
CREATE TABLE IF NOT EXISTS "membership" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "state" VARCHAR(16) NOT NULL /* DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived */,
    "published_at" TIMESTAMP,
    "version" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "sources" JSON NOT NULL,
    "note" TEXT,
    "start_date" DATE,
    "end_date" DATE,
    "dates_approximate" INT NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* MEMBER: member\nPARTNER: partner\nOBSERVER: observer */,
    "organisation_id" INT NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_membership_state_1e120b" ON "membership" ("state");
CREATE TABLE IF NOT EXISTS "person" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "state" VARCHAR(16) NOT NULL /* DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived */,
    "published_at" TIMESTAMP,
    "version" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "sources" JSON NOT NULL,
    "note" TEXT,
    "slug" VARCHAR(100) NOT NULL UNIQUE,
    "given_name" VARCHAR(100) NOT NULL,
    "family_name" VARCHAR(100) NOT NULL,
    "position_sv" VARCHAR(300),
    "position_it" VARCHAR(300),
    "position_en" VARCHAR(300),
    "party" VARCHAR(100),
    "bio_sv" TEXT,
    "bio_it" TEXT,
    "bio_en" TEXT,
    "photo_url" VARCHAR(500),
    "email" VARCHAR(254),
    "phone" VARCHAR(50),
    "organisation_id" INT REFERENCES "organisation" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_person_state_467c67" ON "person" ("state");
CREATE INDEX IF NOT EXISTS "idx_person_family__4eaefe" ON "person" ("family_name");
CREATE TABLE IF NOT EXISTS "board_membership" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "state" VARCHAR(16) NOT NULL /* DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived */,
    "published_at" TIMESTAMP,
    "version" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "sources" JSON NOT NULL,
    "note" TEXT,
    "start_date" DATE,
    "end_date" DATE,
    "dates_approximate" INT NOT NULL,
    "role" VARCHAR(16) NOT NULL /* CHAIR: chair\nVICE_CHAIR: vice_chair\nMEMBER: member\nDEPUTY: deputy */,
    "organisation_id" INT REFERENCES "organisation" ("id") ON DELETE SET NULL,
    "person_id" INT NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_board_membe_state_bdbeaf" ON "board_membership" ("state");
CREATE TABLE IF NOT EXISTS "contact_role" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "state" VARCHAR(16) NOT NULL /* DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived */,
    "published_at" TIMESTAMP,
    "version" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "sources" JSON NOT NULL,
    "note" TEXT,
    "role_sv" VARCHAR(300),
    "role_it" VARCHAR(300),
    "role_en" VARCHAR(300),
    "organisation_id" INT NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "person_id" INT NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_contact_rol_state_c361b8" ON "contact_role" ("state");
CREATE TABLE IF NOT EXISTS "project" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "state" VARCHAR(16) NOT NULL /* DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived */,
    "published_at" TIMESTAMP,
    "version" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "sources" JSON NOT NULL,
    "note" TEXT,
    "start_date" DATE,
    "end_date" DATE,
    "dates_approximate" INT NOT NULL,
    "slug" VARCHAR(100) NOT NULL UNIQUE,
    "acronym" VARCHAR(50),
    "title_sv" VARCHAR(500),
    "title_it" VARCHAR(500),
    "title_en" VARCHAR(500),
    "summary_sv" TEXT,
    "summary_it" TEXT,
    "summary_en" TEXT,
    "programme" VARCHAR(200),
    "grant_reference" VARCHAR(100),
    "budget" VARCHAR(40) /* EUR */,
    "eu_contribution" VARCHAR(40) /* EUR */,
    "website" VARCHAR(500)
);
CREATE INDEX IF NOT EXISTS "idx_project_state_9d5039" ON "project" ("state");
CREATE INDEX IF NOT EXISTS "idx_project_acronym_c3303c" ON "project" ("acronym");
CREATE INDEX IF NOT EXISTS "idx_project_program_5a9de0" ON "project" ("programme");
CREATE TABLE IF NOT EXISTS "project_partnership" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "state" VARCHAR(16) NOT NULL /* DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived */,
    "published_at" TIMESTAMP,
    "version" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "sources" JSON NOT NULL,
    "note" TEXT,
    "role" VARCHAR(16) NOT NULL /* LEAD: lead\nPARTNER: partner\nASSOCIATED: associated */,
    "organisation_id" INT NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "project_id" INT NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_project_par_project_fdf889" UNIQUE ("project_id", "organisation_id")
);
CREATE INDEX IF NOT EXISTS "idx_project_par_state_24c692" ON "project_partnership" ("state");
CREATE TABLE IF NOT EXISTS "event" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "state" VARCHAR(16) NOT NULL /* DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived */,
    "published_at" TIMESTAMP,
    "version" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "sources" JSON NOT NULL,
    "note" TEXT,
    "start_date" DATE,
    "end_date" DATE,
    "dates_approximate" INT NOT NULL,
    "slug" VARCHAR(100) NOT NULL UNIQUE,
    "title_sv" VARCHAR(500),
    "title_it" VARCHAR(500),
    "title_en" VARCHAR(500),
    "kind" VARCHAR(24) NOT NULL /* GENERAL_ASSEMBLY: general_assembly\nBOARD_MEETING: board_meeting\nCONFERENCE: conference\nSEMINAR: seminar\nSTUDY_VISIT: study_visit\nWORKSHOP: workshop\nOTHER: other */,
    "venue_city" VARCHAR(200),
    "country_id" INT REFERENCES "country" ("id") ON DELETE SET NULL,
    "host_id" INT REFERENCES "organisation" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_event_state_9cb65b" ON "event" ("state");
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
);
CREATE TABLE IF NOT EXISTS "organisation_theme" (
    "organisation_id" INT NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "theme_id" INT NOT NULL REFERENCES "theme" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS "uidx_organisatio_organis_3f58ad" ON "organisation_theme" ("organisation_id", "theme_id");
CREATE TABLE IF NOT EXISTS "project_theme" (
    "project_id" INT NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
    "theme_id" INT NOT NULL REFERENCES "theme" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS "uidx_project_the_project_65e894" ON "project_theme" ("project_id", "theme_id");
CREATE TABLE IF NOT EXISTS "event_project" (
    "event_id" INT NOT NULL REFERENCES "event" ("id") ON DELETE CASCADE,
    "project_id" INT NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS "uidx_event_proje_event_i_b83955" ON "event_project" ("event_id", "project_id");
CREATE TABLE IF NOT EXISTS "event_participant" (
    "event_id" INT NOT NULL REFERENCES "event" ("id") ON DELETE CASCADE,
    "organisation_id" INT NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS "uidx_event_parti_event_i_6f1bca" ON "event_participant" ("event_id", "organisation_id");
"""

POSTGRES_UPGRADE = r"""
CREATE TABLE IF NOT EXISTS "country" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "state" VARCHAR(16) NOT NULL,
    "published_at" TIMESTAMPTZ,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "sources" JSONB NOT NULL,
    "note" TEXT,
    "code" VARCHAR(2) NOT NULL UNIQUE,
    "name_sv" VARCHAR(200),
    "name_it" VARCHAR(200),
    "name_en" VARCHAR(200),
    "eu_member" BOOL NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_country_state_3deb1c" ON "country" ("state");
COMMENT ON COLUMN "country"."state" IS 'DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived';
COMMENT ON COLUMN "country"."code" IS 'ISO 3166-1 alpha-2';
CREATE TABLE IF NOT EXISTS "region" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "state" VARCHAR(16) NOT NULL,
    "published_at" TIMESTAMPTZ,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "sources" JSONB NOT NULL,
    "note" TEXT,
    "code" VARCHAR(8) NOT NULL UNIQUE,
    "name_sv" VARCHAR(200),
    "name_it" VARCHAR(200),
    "name_en" VARCHAR(200),
    "level" SMALLINT NOT NULL,
    "country_id" INT NOT NULL REFERENCES "country" ("id") ON DELETE RESTRICT,
    "parent_id" INT REFERENCES "region" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_region_state_b32852" ON "region" ("state");
COMMENT ON COLUMN "region"."state" IS 'DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived';
COMMENT ON COLUMN "region"."code" IS 'NUTS code';
COMMENT ON COLUMN "region"."level" IS 'NUTS level: 1, 2 or 3';
CREATE TABLE IF NOT EXISTS "theme" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "state" VARCHAR(16) NOT NULL,
    "published_at" TIMESTAMPTZ,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "sources" JSONB NOT NULL,
    "note" TEXT,
    "slug" VARCHAR(100) NOT NULL UNIQUE,
    "name_sv" VARCHAR(200),
    "name_it" VARCHAR(200),
    "name_en" VARCHAR(200),
    "description_sv" TEXT,
    "description_it" TEXT,
    "description_en" TEXT
);
CREATE INDEX IF NOT EXISTS "idx_theme_state_3ee833" ON "theme" ("state");
COMMENT ON COLUMN "theme"."state" IS 'DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived';
CREATE TABLE IF NOT EXISTS "organisation" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "state" VARCHAR(16) NOT NULL,
    "published_at" TIMESTAMPTZ,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "sources" JSONB NOT NULL,
    "note" TEXT,
    "slug" VARCHAR(100) NOT NULL UNIQUE,
    "name" VARCHAR(300) NOT NULL,
    "short_name" VARCHAR(100),
    "kind" VARCHAR(40) NOT NULL,
    "municipality_code" VARCHAR(10),
    "website" VARCHAR(500),
    "email" VARCHAR(254),
    "phone" VARCHAR(50),
    "address" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "logo_url" VARCHAR(500),
    "description_sv" TEXT,
    "description_it" TEXT,
    "description_en" TEXT,
    "country_id" INT NOT NULL REFERENCES "country" ("id") ON DELETE RESTRICT,
    "parent_id" INT REFERENCES "organisation" ("id") ON DELETE SET NULL,
    "region_id" INT REFERENCES "region" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_organisatio_state_b2df3f" ON "organisation" ("state");
CREATE INDEX IF NOT EXISTS "idx_organisatio_name_36ddcf" ON "organisation" ("name");
COMMENT ON COLUMN "organisation"."state" IS 'DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived';
COMMENT ON COLUMN "organisation"."kind" IS 'MUNICIPALITY: municipality\nREGION: region\nASSOCIATION_OF_MUNICIPALITIES: association_of_municipalities\nUNIVERSITY: university\nAGENCY: agency\nCOMPANY: company\nNGO: ngo\nSCHOOL: school\nOTHER: other';
COMMENT ON COLUMN "organisation"."municipality_code" IS 'kommunkod / ISTAT';
COMMENT ON COLUMN "organisation"."email" IS 'public e-mail of the organisation';
COMMENT ON COLUMN "organisation"."phone" IS 'public phone of the organisation';
CREATE TABLE IF NOT EXISTS "membership" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "state" VARCHAR(16) NOT NULL,
    "published_at" TIMESTAMPTZ,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "sources" JSONB NOT NULL,
    "note" TEXT,
    "start_date" DATE,
    "end_date" DATE,
    "dates_approximate" BOOL NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "organisation_id" INT NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_membership_state_1e120b" ON "membership" ("state");
COMMENT ON COLUMN "membership"."state" IS 'DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived';
COMMENT ON COLUMN "membership"."kind" IS 'MEMBER: member\nPARTNER: partner\nOBSERVER: observer';
CREATE TABLE IF NOT EXISTS "person" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "state" VARCHAR(16) NOT NULL,
    "published_at" TIMESTAMPTZ,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "sources" JSONB NOT NULL,
    "note" TEXT,
    "slug" VARCHAR(100) NOT NULL UNIQUE,
    "given_name" VARCHAR(100) NOT NULL,
    "family_name" VARCHAR(100) NOT NULL,
    "position_sv" VARCHAR(300),
    "position_it" VARCHAR(300),
    "position_en" VARCHAR(300),
    "party" VARCHAR(100),
    "bio_sv" TEXT,
    "bio_it" TEXT,
    "bio_en" TEXT,
    "photo_url" VARCHAR(500),
    "email" VARCHAR(254),
    "phone" VARCHAR(50),
    "organisation_id" INT REFERENCES "organisation" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_person_state_467c67" ON "person" ("state");
CREATE INDEX IF NOT EXISTS "idx_person_family__4eaefe" ON "person" ("family_name");
COMMENT ON COLUMN "person"."state" IS 'DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived';
CREATE TABLE IF NOT EXISTS "board_membership" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "state" VARCHAR(16) NOT NULL,
    "published_at" TIMESTAMPTZ,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "sources" JSONB NOT NULL,
    "note" TEXT,
    "start_date" DATE,
    "end_date" DATE,
    "dates_approximate" BOOL NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "organisation_id" INT REFERENCES "organisation" ("id") ON DELETE SET NULL,
    "person_id" INT NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_board_membe_state_bdbeaf" ON "board_membership" ("state");
COMMENT ON COLUMN "board_membership"."state" IS 'DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived';
COMMENT ON COLUMN "board_membership"."role" IS 'CHAIR: chair\nVICE_CHAIR: vice_chair\nMEMBER: member\nDEPUTY: deputy';
CREATE TABLE IF NOT EXISTS "contact_role" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "state" VARCHAR(16) NOT NULL,
    "published_at" TIMESTAMPTZ,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "sources" JSONB NOT NULL,
    "note" TEXT,
    "role_sv" VARCHAR(300),
    "role_it" VARCHAR(300),
    "role_en" VARCHAR(300),
    "organisation_id" INT NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "person_id" INT NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_contact_rol_state_c361b8" ON "contact_role" ("state");
COMMENT ON COLUMN "contact_role"."state" IS 'DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived';
CREATE TABLE IF NOT EXISTS "project" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "state" VARCHAR(16) NOT NULL,
    "published_at" TIMESTAMPTZ,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "sources" JSONB NOT NULL,
    "note" TEXT,
    "start_date" DATE,
    "end_date" DATE,
    "dates_approximate" BOOL NOT NULL,
    "slug" VARCHAR(100) NOT NULL UNIQUE,
    "acronym" VARCHAR(50),
    "title_sv" VARCHAR(500),
    "title_it" VARCHAR(500),
    "title_en" VARCHAR(500),
    "summary_sv" TEXT,
    "summary_it" TEXT,
    "summary_en" TEXT,
    "programme" VARCHAR(200),
    "grant_reference" VARCHAR(100),
    "budget" DECIMAL(14,2),
    "eu_contribution" DECIMAL(14,2),
    "website" VARCHAR(500)
);
CREATE INDEX IF NOT EXISTS "idx_project_state_9d5039" ON "project" ("state");
CREATE INDEX IF NOT EXISTS "idx_project_acronym_c3303c" ON "project" ("acronym");
CREATE INDEX IF NOT EXISTS "idx_project_program_5a9de0" ON "project" ("programme");
COMMENT ON COLUMN "project"."state" IS 'DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived';
COMMENT ON COLUMN "project"."budget" IS 'EUR';
COMMENT ON COLUMN "project"."eu_contribution" IS 'EUR';
CREATE TABLE IF NOT EXISTS "project_partnership" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "state" VARCHAR(16) NOT NULL,
    "published_at" TIMESTAMPTZ,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "sources" JSONB NOT NULL,
    "note" TEXT,
    "role" VARCHAR(16) NOT NULL,
    "organisation_id" INT NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "project_id" INT NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_project_par_project_fdf889" UNIQUE ("project_id", "organisation_id")
);
CREATE INDEX IF NOT EXISTS "idx_project_par_state_24c692" ON "project_partnership" ("state");
COMMENT ON COLUMN "project_partnership"."state" IS 'DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived';
COMMENT ON COLUMN "project_partnership"."role" IS 'LEAD: lead\nPARTNER: partner\nASSOCIATED: associated';
CREATE TABLE IF NOT EXISTS "event" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "state" VARCHAR(16) NOT NULL,
    "published_at" TIMESTAMPTZ,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "sources" JSONB NOT NULL,
    "note" TEXT,
    "start_date" DATE,
    "end_date" DATE,
    "dates_approximate" BOOL NOT NULL,
    "slug" VARCHAR(100) NOT NULL UNIQUE,
    "title_sv" VARCHAR(500),
    "title_it" VARCHAR(500),
    "title_en" VARCHAR(500),
    "kind" VARCHAR(24) NOT NULL,
    "venue_city" VARCHAR(200),
    "country_id" INT REFERENCES "country" ("id") ON DELETE SET NULL,
    "host_id" INT REFERENCES "organisation" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_event_state_9cb65b" ON "event" ("state");
COMMENT ON COLUMN "event"."state" IS 'DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived';
COMMENT ON COLUMN "event"."kind" IS 'GENERAL_ASSEMBLY: general_assembly\nBOARD_MEETING: board_meeting\nCONFERENCE: conference\nSEMINAR: seminar\nSTUDY_VISIT: study_visit\nWORKSHOP: workshop\nOTHER: other';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);
CREATE TABLE IF NOT EXISTS "organisation_theme" (
    "organisation_id" INT NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
    "theme_id" INT NOT NULL REFERENCES "theme" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS "uidx_organisatio_organis_3f58ad" ON "organisation_theme" ("organisation_id", "theme_id");
CREATE TABLE IF NOT EXISTS "project_theme" (
    "project_id" INT NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
    "theme_id" INT NOT NULL REFERENCES "theme" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS "uidx_project_the_project_65e894" ON "project_theme" ("project_id", "theme_id");
CREATE TABLE IF NOT EXISTS "event_project" (
    "event_id" INT NOT NULL REFERENCES "event" ("id") ON DELETE CASCADE,
    "project_id" INT NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS "uidx_event_proje_event_i_b83955" ON "event_project" ("event_id", "project_id");
CREATE TABLE IF NOT EXISTS "event_participant" (
    "event_id" INT NOT NULL REFERENCES "event" ("id") ON DELETE CASCADE,
    "organisation_id" INT NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS "uidx_event_parti_event_i_6f1bca" ON "event_participant" ("event_id", "organisation_id");
"""

MODELS_STATE = (
    "eJztXW1v2zgS/iuCP/WAtNc4SVsYhwMcR21865fAdrrb3SwEWWZsXWTRq5e0xl7/+5GSrB"
    "eKkkXHL5IyX9Ka4kjiMyRFzjMz/LuxxDNk2O862DUda91oSX83THWJyH/YS2dSQ12togu0"
    "wFGnhldXi1Wa2o6lag4pflQNG5GiGbI1S185OjZJqekaBi3EGqmom/OoyDX1v1ykOHiOnA"
    "WyyIU//iTFujlDP5C9+bl6Uh51ZMwSL6vP6LO9csVZr7yyrul89irSp00VDRvu0owqr9bO"
    "Apthbd10aOkcmchSHURv71gufX36dkFDNy3y3zSq4r9iTGaGHlXXcGLNnSpRWUNRBsOJMp"
    "YnitIQAEjDJgWXvKrttX5OX+Ft8/zy4+Wniw+Xn0gV7zXDko8//UdHwPiCHjyDSeOnd111"
    "VL+Gh3EEqu0QINK4dhaqJZvu0gO3S95INTWUAjkUZnAmDWBx3qCaB/SmIAfpxsxSH52GGN"
    "iNm1H786QlebIP5t39da87vpVvWtLKnRq6vUCzB7M96tx2v9JC1dIW+jPy+9R2BS3VH4qB"
    "zLmzID/PP+Ro4yt9Rnv05vzDP+i9MRlC/tAaBFea3iWqsEhB4SsqqpPW0w2B19GXiD8IWF"
    "lGTbNA+N3mPwWUFmgkR2fRjHCE4ZGD9qTbl8eTdv+O3n5p238ZHmDtiUyvNL3SNVP6htVM"
    "eBPp1+7kVqI/pd+HA9lDE9vO3PKeGNWb/N6g76S6DlZM/F1RZ3FMNsWbooSmn5Fl0+YXn+"
    "RiEttnut1GYFqb56We6SI4NQvRlu8wbJKSexg0O+F8yI8KaeBsaBrrYEBXZBQFc0/uIHJX"
    "sx21npQErZdF65y5M3j72CoGu5aG7LTK/zMeDvjqjomwutY1R/qfRL6cB5tDG/96dE2NKl"
    "Caurrh6Kb9jj7v34Irm318JylECTVvViNv+u3f2IVKpze8ZvVHb3DNTL4m5q0qJ+hHxpds"
    "U3+nhWSF1iTyb5N8rMNh1RsOvmyqswpgPnRkr8ZfwWd83oL6+1m0H2J31OiOh9LF+YcPb8"
    "8l1Vgt1LfNXRbjzQJr8WbmUrzJrsTpv4r9LAJ1TKQOPZuB9/37IgC/f58NMb3GAVnnfLy3"
    "gKzzvtoAcg7IiLPT2AIy4m01AGQ+yMhVlmg5RVYa5muMDaSafKQTcgzWUyJ4qDVJWHLcT+"
    "L1cNhLfBKvu+w3775/LY/enHvgk0q64++KvR0ftRY+PsVMW7RgqmpP31VrpiSuRKqx0Jw0"
    "gLNcvA4EP/8yQobq8PfWgdF05N2kgvuAn5setyltcFbU2Jqrpm57GLwQqGHsVnWFCz0jWv"
    "1FOMn0HtWbSjPxoSMRN3HW2ExfWjaXbIlqqnOvSfTZ9EnJwcfhMqJhmU1lWFEdYDKO9skF"
    "JgOYDGAygMkAJgOYjFdu0wYm4zVqHZgMYDJqsyYBJqPQgn1wPxlLm/cUXYN/KrAE/5S5Av"
    "8EBAYQGDUGGQiMw4JsoGdkpCEeL1XDyNzIhULH28btOit7r+rtApsStqSLgjO0v7m7aH78"
    "EO7r6I+8Ld243+71OPs636NaETIHJoXKjPLJ9ssr1UKmIwZrQmYnVMs2QewB1BS5luq7aY"
    "Q/Ywvpc/MXtE5ZXPm0Ryz4oGL9Nov5IMWW+j20+zNDliBA2o18EnNE9oujbmfS4HTgPWBb"
    "mKMsWectimxi1GYAW4QQ1ha6MbN4C4qDMMIVQbskhHBV0Dok3zlZIE8NKbrTv3CWx3Y6YR"
    "UgO6v09T0DshPITiA7y2WwB7ITyE6gvYDsBK0D2QlkJ5Cdu5OdtuHORQiMTf3ykp07khfn"
    "hciL8xzy4jyDIQKuE7jOeoAMXOdhQY69GXfWyP4EpiXrAPmxP4ZxFHkTSjH86zOvnBJ/3l"
    "xTDP/6TDnHwF8gdPGF1EJhFqevmusJpn8LEowvje076TI0h2X0mqcwXAvbWIsyXWgWVvOI"
    "Fh9VbHmKeUJrFvWArAx1F1TxZINrzsLC7nyRkgyJnATT2WmPO+0bb3uusBRJ0iRt4f8ijR"
    "elKKz2O/9Wtdd4rJ2FlR3ALKbnjdAOKs7lDfteJLm90FcNDnkYu3qWxyAuk/WARjzayhdo"
    "RKARgUYEGhFoRKARXzmhBDTia9Q60IhAI9ZmTXIQGtFRLUeZcdfxdMrL6P8JqbzprlYaoL"
    "MVm6bNnAmjF5d5zdjRNtqKulpZ+Ie+5IKYm+qOKw8p77akvItr4Ik0b9f9+0b2UNt3zocv"
    "SmwosoHvyxSNluRLky18ezQZ0IIVmcRMWjK8Hsujr7QIT21kPQfPOPn2nWP4Lbi540hCrN"
    "/2sDTMmOhfGD9V09SFZ0wYFaezce3PObFUhwx+SWiBY8ZmtZRtyGa7B5iyKzXwz8CUDaZs"
    "MGWXyxwDpmwwZYNRE0zZoHUwZYMpG0zZEBFT3ogYEXQ39Y+2JToavBeF4L3IgfciDa+9wJ"
    "ajiIKclKrDpHGEnlwto7c41o3+/aDb6d61e93Jt5a0JI/T9JVq6M76wRzJX7rDQUvyz7Ag"
    "2/3xeNjptiekUBl+VmKiXXncklTbxpruW/bwoxK7l47sB5PU/iqPxt5zyCVvH0af0v4iDz"
    "qkTCWIaOR3Z9i/aw9IgYaXK9UkJYMvQ9K2OX4wx53b4bDXkmxtgbHxYA4nt54l3jOL7dBn"
    "Lot0mcvsHnOZ6jBxBBXRJLNc4RKP1MYTXpJ3fsIz6Z9Sl6xHJzvZf4qN25xhyyrhO5raep"
    "aJjg99TKTEgO84NV4VmhqvcqbGK86hY0tV5+TszIY4FCgxwL75T5PQW/qyEn6UyNQisbZ8"
    "4TjCq8sicYRXl9lxhPQaY+QkGAp18VCgAvh777ov+K+K9f6czs9iT3bZZCPH2Ttn79ZiIi"
    "XGv7QbNproz3F5n9PPBlazMgTHhBjQH6lUrWC/Gd5f92TpbiR3uuNuYJ8IDU7eRVoUuXiM"
    "5HaPRRmb8x1gjksBzoVwnmPFtYQ+n3GZOswgR1iiQKh9eUK9IdQeQu1fG/6QdR+y7lcGVN"
    "/KJwZqQgZAhaMMTnmUQXTU8guxrVtyfRbZxKhNAEveQBrc93oHOiOintn4WXizT4qI4M32"
    "bo5RCWEqjBcegpDMvVGT6SK50NrLoRr17J4JoKaYdri99axrejuh7lVF0MhVR9UcxcIGz1"
    "9KBLCOf6sRuVNdx+IK4ZXBC88TgOmO9KfajsEglGwPwy/IGXUX3bCunWqBbepnip6Rycsq"
    "JgKa/IyquDPJhGlvCftiacYS4AqnbAsPCqqUX5xowrawlWy6tnTiw2TWtnheNjZnGyc8bj"
    "8p+tJe31ljSVjdRQdUtdUdtpJVN53OPa+dDZpJbXsw76RtXzJ2+8LK3p6sj124cUIdOWu7"
    "7GhHdl3p1YaIx2N1Zoh4TCANEY8Q8QgRjxDxCBGPrzD2DSIeX6PWIeIRIh5rsyaB5H2n9v"
    "GE5H2QvK9OyfsszKNkiu3fN7KlT95HpsjuqCVpC1W3Hsyv3Y6sBEXPuoaUoJxN8Xcj393T"
    "mMQZWrnOuhzb+dMn8yvZfLN3D0KPYBT0IIzLgF/mdm+3VcjivtBvqDAdXDaAC7sMxbsWPx"
    "9i1vSwB3jr6ffCYrwt82QR56xDpp6Mu4Zw6BjGcySbiol7qwANAzQM0DBAw5Rqpq6gKRFo"
    "GKBhwCAPNAxoHWgYoGGAhtmdhqG7Mm4uguzEDzGROiB+hASJHmK8hANbQK5PpoFjgcwLud"
    "oCcn3SCRwB5NMTAaVbGAETUFJUgQl4bUxAVUEu+SFUQSfnkABR98+2/0djDSz/lZo/z8Dy"
    "D5Z/sPyXy3oFln+w/IMNGCz/oHWw/IPlHyz/cORUOQ/qmZOtgCl8JlJSqswH9ZQJ60d1qR"
    "trYbAZsfod9nUQsMkUrmcmMM857CMpVocJ+wh0S4iaGHnIiAHYYmCLkYiMGIBdDGzVcjh5"
    "h3Ng3gjUD+CDzNNTHQueMRFJ1AHiYy+nKXpiZ0pEEoD3bniLnSERSQDe4nivFtgRPiMoIV"
    "QH1OEcw6MCDAcVHrwHF+rAAkcRnt5DrGyAH9aVCWJvTxR7W6Ik9mWz+WWpIUm0Qhb7w2bS"
    "zvfp8lO1N3hOXcGls1yvrlglcOuq0rfkTAK3LnDrSqsJ3LrArQvcusCtqyoOPuDW9Rq1Dm"
    "5d4NZVmzUJ5NUtX25YyKu7O3aQV/fUeXXBqfOQPhWqZmFzvRQBOCZyoK/Z6TDeP3nk6I5w"
    "OpK4TB0WDEegmH3IxHwK4zIAswDMYt6EcRmAuRDMtrtcqtZa0NstKVUHqI++0wgQFPN6S0"
    "oB7rvjLub9lpQC3HfwgLPw3FKXYkEmCaHarQCbhebzZs583uSETlmq6SgWekQWCnjGwvFT"
    "adE69PRjuIu7szniWcmRRnbiRoZHbSjEWj18qXeBdGkQb8j3o8ZLJ5cbudPtt3tvzi/Pms"
    "yGfAP+Zdqr06UOHuSZU5fvqZULNEcaEN+C+Hc0tfUsbwY+zDGR+k0be1t7p5wRi/jI0fAd"
    "cy/ucYF70l10w0OZAyvo8xXbfC7QkseB9VVzPcH0b0GP0Am9UeWsgTmeoF67FMbpLWylRT"
    "sgmimxVR/tbj6S2PK08ITWIcSB+2iooeBaIBZcdRYWdueL+AVn80BupjdSrqTwTn5QnpHp"
    "7EO/Mr1R7fUbtlJAvx7Eovr1hWLukYX0G479bQ6b8Wkv23eTmRy3unEqK0Zgry6df8S9RR"
    "P+6n+Ctyd4e4K3J3h7grcneHuCtyf4/YG3J2gdvD3B27OqJrdjc1IVO0c92GaKruF7cpus"
    "zQ0yhZEVfHs0GdDz0oN7kdX7eDzsdMlMRNfvto013XvtUqzgTx8NX7ov0b7PS0kYYgqCmx"
    "QCXAucmBJZcJIYix+ZEt2pYhAXzS6Q7F1waMqrPDTFNzhzTLShJTrbKovCKhBaX6X58wyM"
    "rWBsBWNruQwGYGwFYyuY3cDYCloHYysYW8HYCqH1R9EAhNZDaD2E1u8605bMNnL4+BOI/I"
    "bI77rBDJHfB4b5iTRtV5PqRrbMh6w1vsgDedTuKe3xWO5f9761JP/FDEW1bbScGusH83rY"
    "Ht0ofZnsDQdfWtImGTVZGpnzB7NDtmXySB505JZEFBQERj6Y5H7dQXvUkshtdFO1SMnk/u"
    "ab8rU77k5IqePO1sqzbuvOg/nrcPTL+HZ415K+Y+vJXuDVgzmc3FISHnvcwg79oVkosX9O"
    "Xv9UWv9nZLpI0XSxY4WSUvUbdweJ0NWwazo0hl+EKEoKQWb/9ApzQfb6YpjGJADQrT4MFK"
    "00uHBEApdej3WtjKMRODPCHtDtRHeqJ7DJeVD42Im9BYgmAt9eFkL4ApeeSgURxtrJhhHG"
    "wjGTQYRJZyA2jDAeYvjiIMI0SUN9JHVNX6n7CRV9qWdRpZTNNrawxjmOSWJqj5QmqPpch6"
    "Q2snRt0eB4JAVXzvJcktSoDvgkVWk9dCZl+yRlOkLk7ZeyPCFKtXPedbd0dVVkt3R1lXPe"
    "3FUqa+hqJYJwUL2G6B7EcEzz4gTekkUZ6ZjI8Rnp0zBKe+OeBZK/7N+79uf/ATXlQVo="
)
