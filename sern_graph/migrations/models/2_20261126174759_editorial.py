"""Migration `editorial` for SQLite and PostgreSQL, by scripts/make_migration.py."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return POSTGRES_UPGRADE if db.capabilities.dialect == "postgres" else SQLITE_UPGRADE


async def downgrade(db: BaseDBAsyncClient) -> str:
    return POSTGRES_DOWNGRADE if db.capabilities.dialect == "postgres" else SQLITE_DOWNGRADE


SQLITE_UPGRADE = r"""
        CREATE TABLE IF NOT EXISTS "audit_event" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "action" VARCHAR(60) NOT NULL,
    "content_type" VARCHAR(40),
    "object_id" INT,
    "actor_name" VARCHAR(300) NOT NULL,
    "user_id" INT,
    "token_id" INT,
    "request_id" VARCHAR(64),
    "details" JSON NOT NULL
) /* Who did what, with which token, from which request: the admins' log of every write. */;
CREATE INDEX IF NOT EXISTS "idx_audit_event_created_a87696" ON "audit_event" ("created_at");
        CREATE TABLE IF NOT EXISTS "revision" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "content_type" VARCHAR(40) NOT NULL,
    "object_id" INT NOT NULL,
    "version" INT NOT NULL,
    "action" VARCHAR(16) NOT NULL /* CREATE: create\nUPDATE: update\nPUBLISH: publish\nUNPUBLISH: unpublish\nARCHIVE: archive\nRESTORE: restore */,
    "state" VARCHAR(16) NOT NULL /* DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived */,
    "snapshot" JSON NOT NULL,
    "changed_fields" JSON NOT NULL,
    "actor_name" VARCHAR(300) NOT NULL,
    "user_id" INT,
    "token_id" INT,
    "created_at" TIMESTAMP NOT NULL
) /* A full snapshot of an entry's editable fields after a write, with who, when and what changed. */;
CREATE INDEX IF NOT EXISTS "idx_revision_content_1e2473" ON "revision" ("content_type", "object_id");
        ALTER TABLE "country" ADD "publish_at" TIMESTAMP;
        ALTER TABLE "country" ADD "draft" JSON;
        ALTER TABLE "country" ADD "unpublish_at" TIMESTAMP;
        ALTER TABLE "region" ADD "publish_at" TIMESTAMP;
        ALTER TABLE "region" ADD "draft" JSON;
        ALTER TABLE "region" ADD "unpublish_at" TIMESTAMP;
        ALTER TABLE "theme" ADD "publish_at" TIMESTAMP;
        ALTER TABLE "theme" ADD "draft" JSON;
        ALTER TABLE "theme" ADD "unpublish_at" TIMESTAMP;
        ALTER TABLE "membership" ADD "publish_at" TIMESTAMP;
        ALTER TABLE "membership" ADD "draft" JSON;
        ALTER TABLE "membership" ADD "unpublish_at" TIMESTAMP;
        ALTER TABLE "organisation" ADD "publish_at" TIMESTAMP;
        ALTER TABLE "organisation" ADD "draft" JSON;
        ALTER TABLE "organisation" ADD "unpublish_at" TIMESTAMP;
        ALTER TABLE "board_membership" ADD "publish_at" TIMESTAMP;
        ALTER TABLE "board_membership" ADD "draft" JSON;
        ALTER TABLE "board_membership" ADD "unpublish_at" TIMESTAMP;
        ALTER TABLE "contact_role" ADD "publish_at" TIMESTAMP;
        ALTER TABLE "contact_role" ADD "draft" JSON;
        ALTER TABLE "contact_role" ADD "unpublish_at" TIMESTAMP;
        ALTER TABLE "person" ADD "publish_at" TIMESTAMP;
        ALTER TABLE "person" ADD "draft" JSON;
        ALTER TABLE "person" ADD "unpublish_at" TIMESTAMP;
        ALTER TABLE "project" ADD "publish_at" TIMESTAMP;
        ALTER TABLE "project" ADD "draft" JSON;
        ALTER TABLE "project" ADD "unpublish_at" TIMESTAMP;
        ALTER TABLE "project_partnership" ADD "publish_at" TIMESTAMP;
        ALTER TABLE "project_partnership" ADD "draft" JSON;
        ALTER TABLE "project_partnership" ADD "unpublish_at" TIMESTAMP;
        ALTER TABLE "event" ADD "publish_at" TIMESTAMP;
        ALTER TABLE "event" ADD "draft" JSON;
        ALTER TABLE "event" ADD "unpublish_at" TIMESTAMP;"""

SQLITE_DOWNGRADE = r"""
        ALTER TABLE "country" DROP COLUMN "publish_at";
        ALTER TABLE "country" DROP COLUMN "draft";
        ALTER TABLE "country" DROP COLUMN "unpublish_at";
        ALTER TABLE "region" DROP COLUMN "publish_at";
        ALTER TABLE "region" DROP COLUMN "draft";
        ALTER TABLE "region" DROP COLUMN "unpublish_at";
        ALTER TABLE "theme" DROP COLUMN "publish_at";
        ALTER TABLE "theme" DROP COLUMN "draft";
        ALTER TABLE "theme" DROP COLUMN "unpublish_at";
        ALTER TABLE "membership" DROP COLUMN "publish_at";
        ALTER TABLE "membership" DROP COLUMN "draft";
        ALTER TABLE "membership" DROP COLUMN "unpublish_at";
        ALTER TABLE "organisation" DROP COLUMN "publish_at";
        ALTER TABLE "organisation" DROP COLUMN "draft";
        ALTER TABLE "organisation" DROP COLUMN "unpublish_at";
        ALTER TABLE "board_membership" DROP COLUMN "publish_at";
        ALTER TABLE "board_membership" DROP COLUMN "draft";
        ALTER TABLE "board_membership" DROP COLUMN "unpublish_at";
        ALTER TABLE "contact_role" DROP COLUMN "publish_at";
        ALTER TABLE "contact_role" DROP COLUMN "draft";
        ALTER TABLE "contact_role" DROP COLUMN "unpublish_at";
        ALTER TABLE "person" DROP COLUMN "publish_at";
        ALTER TABLE "person" DROP COLUMN "draft";
        ALTER TABLE "person" DROP COLUMN "unpublish_at";
        ALTER TABLE "project" DROP COLUMN "publish_at";
        ALTER TABLE "project" DROP COLUMN "draft";
        ALTER TABLE "project" DROP COLUMN "unpublish_at";
        ALTER TABLE "project_partnership" DROP COLUMN "publish_at";
        ALTER TABLE "project_partnership" DROP COLUMN "draft";
        ALTER TABLE "project_partnership" DROP COLUMN "unpublish_at";
        ALTER TABLE "event" DROP COLUMN "publish_at";
        ALTER TABLE "event" DROP COLUMN "draft";
        ALTER TABLE "event" DROP COLUMN "unpublish_at";
        DROP TABLE IF EXISTS "audit_event";
        DROP TABLE IF EXISTS "revision";"""

POSTGRES_UPGRADE = r"""
        CREATE TABLE IF NOT EXISTS "audit_event" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "action" VARCHAR(60) NOT NULL,
    "content_type" VARCHAR(40),
    "object_id" INT,
    "actor_name" VARCHAR(300) NOT NULL,
    "user_id" INT,
    "token_id" INT,
    "request_id" VARCHAR(64),
    "details" JSONB NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_audit_event_created_a87696" ON "audit_event" ("created_at");
COMMENT ON TABLE "audit_event" IS 'Who did what, with which token, from which request: the admins'' log of every write.';
        CREATE TABLE IF NOT EXISTS "revision" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "content_type" VARCHAR(40) NOT NULL,
    "object_id" INT NOT NULL,
    "version" INT NOT NULL,
    "action" VARCHAR(16) NOT NULL,
    "state" VARCHAR(16) NOT NULL,
    "snapshot" JSONB NOT NULL,
    "changed_fields" JSONB NOT NULL,
    "actor_name" VARCHAR(300) NOT NULL,
    "user_id" INT,
    "token_id" INT,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_revision_content_1e2473" ON "revision" ("content_type", "object_id");
COMMENT ON COLUMN "revision"."action" IS 'CREATE: create\nUPDATE: update\nPUBLISH: publish\nUNPUBLISH: unpublish\nARCHIVE: archive\nRESTORE: restore';
COMMENT ON COLUMN "revision"."state" IS 'DRAFT: draft\nPUBLISHED: published\nARCHIVED: archived';
COMMENT ON TABLE "revision" IS 'A full snapshot of an entry''s editable fields after a write, with who, when and what changed.';
        ALTER TABLE "country" ADD "unpublish_at" TIMESTAMPTZ;
        ALTER TABLE "country" ADD "draft" JSONB;
        ALTER TABLE "country" ADD "publish_at" TIMESTAMPTZ;
        ALTER TABLE "region" ADD "unpublish_at" TIMESTAMPTZ;
        ALTER TABLE "region" ADD "draft" JSONB;
        ALTER TABLE "region" ADD "publish_at" TIMESTAMPTZ;
        ALTER TABLE "theme" ADD "unpublish_at" TIMESTAMPTZ;
        ALTER TABLE "theme" ADD "draft" JSONB;
        ALTER TABLE "theme" ADD "publish_at" TIMESTAMPTZ;
        ALTER TABLE "membership" ADD "unpublish_at" TIMESTAMPTZ;
        ALTER TABLE "membership" ADD "draft" JSONB;
        ALTER TABLE "membership" ADD "publish_at" TIMESTAMPTZ;
        ALTER TABLE "organisation" ADD "unpublish_at" TIMESTAMPTZ;
        ALTER TABLE "organisation" ADD "draft" JSONB;
        ALTER TABLE "organisation" ADD "publish_at" TIMESTAMPTZ;
        ALTER TABLE "board_membership" ADD "unpublish_at" TIMESTAMPTZ;
        ALTER TABLE "board_membership" ADD "draft" JSONB;
        ALTER TABLE "board_membership" ADD "publish_at" TIMESTAMPTZ;
        ALTER TABLE "contact_role" ADD "unpublish_at" TIMESTAMPTZ;
        ALTER TABLE "contact_role" ADD "draft" JSONB;
        ALTER TABLE "contact_role" ADD "publish_at" TIMESTAMPTZ;
        ALTER TABLE "person" ADD "unpublish_at" TIMESTAMPTZ;
        ALTER TABLE "person" ADD "draft" JSONB;
        ALTER TABLE "person" ADD "publish_at" TIMESTAMPTZ;
        ALTER TABLE "project" ADD "unpublish_at" TIMESTAMPTZ;
        ALTER TABLE "project" ADD "draft" JSONB;
        ALTER TABLE "project" ADD "publish_at" TIMESTAMPTZ;
        ALTER TABLE "project_partnership" ADD "unpublish_at" TIMESTAMPTZ;
        ALTER TABLE "project_partnership" ADD "draft" JSONB;
        ALTER TABLE "project_partnership" ADD "publish_at" TIMESTAMPTZ;
        ALTER TABLE "event" ADD "unpublish_at" TIMESTAMPTZ;
        ALTER TABLE "event" ADD "draft" JSONB;
        ALTER TABLE "event" ADD "publish_at" TIMESTAMPTZ;"""

POSTGRES_DOWNGRADE = r"""
        ALTER TABLE "country" DROP COLUMN "unpublish_at";
        ALTER TABLE "country" DROP COLUMN "draft";
        ALTER TABLE "country" DROP COLUMN "publish_at";
        ALTER TABLE "region" DROP COLUMN "unpublish_at";
        ALTER TABLE "region" DROP COLUMN "draft";
        ALTER TABLE "region" DROP COLUMN "publish_at";
        ALTER TABLE "theme" DROP COLUMN "unpublish_at";
        ALTER TABLE "theme" DROP COLUMN "draft";
        ALTER TABLE "theme" DROP COLUMN "publish_at";
        ALTER TABLE "membership" DROP COLUMN "unpublish_at";
        ALTER TABLE "membership" DROP COLUMN "draft";
        ALTER TABLE "membership" DROP COLUMN "publish_at";
        ALTER TABLE "organisation" DROP COLUMN "unpublish_at";
        ALTER TABLE "organisation" DROP COLUMN "draft";
        ALTER TABLE "organisation" DROP COLUMN "publish_at";
        ALTER TABLE "board_membership" DROP COLUMN "unpublish_at";
        ALTER TABLE "board_membership" DROP COLUMN "draft";
        ALTER TABLE "board_membership" DROP COLUMN "publish_at";
        ALTER TABLE "contact_role" DROP COLUMN "unpublish_at";
        ALTER TABLE "contact_role" DROP COLUMN "draft";
        ALTER TABLE "contact_role" DROP COLUMN "publish_at";
        ALTER TABLE "person" DROP COLUMN "unpublish_at";
        ALTER TABLE "person" DROP COLUMN "draft";
        ALTER TABLE "person" DROP COLUMN "publish_at";
        ALTER TABLE "project" DROP COLUMN "unpublish_at";
        ALTER TABLE "project" DROP COLUMN "draft";
        ALTER TABLE "project" DROP COLUMN "publish_at";
        ALTER TABLE "project_partnership" DROP COLUMN "unpublish_at";
        ALTER TABLE "project_partnership" DROP COLUMN "draft";
        ALTER TABLE "project_partnership" DROP COLUMN "publish_at";
        ALTER TABLE "event" DROP COLUMN "unpublish_at";
        ALTER TABLE "event" DROP COLUMN "draft";
        ALTER TABLE "event" DROP COLUMN "publish_at";
        DROP TABLE IF EXISTS "audit_event";
        DROP TABLE IF EXISTS "revision";"""

MODELS_STATE = (
    "eJztXWtz2kgW/Ssqvky2ismOie1JUVtbhbGSsGODC3BmZ4YplRBt0FqoGUnYoXbz37dbL/"
    "RoCTUW0BL3S2Kkvnqc2+rHPadv/7exxDNk2O8765nuyC/IdBpt6b8NU10i8gfjbFNqqKvV"
    "9hw94KhTwy2u0nIKCgtObcdSNXrJJ9WwETk0Q7Zm6StHxyY1+HWBpZk+k14XqtOUXnVnQf"
    "7UtYXk4GdkNqUnCy/9Ixb6a41spy05CySps6Vu2j9IBp5L+Ekid7Q20qulO+g9vfEMa+TO"
    "ujk/4D3Wpk4KKw6eI1LaInf6409yWDdn6Buyg5+rZ+VJR8Yshqo+oxdwjyvOZuUe65nOJ7"
    "cgffypomFjvTS3hVcbZ4HNsLTuATxHJrJUB9HLO9aaAmyuDcN3R4C596TbIt4jRmxm6Eld"
    "G9RN1Np7gO2xhqL0B2NlJI8VpZFyYWARQdw/pGGTup88qu2+/Zw+wo+ti8ufLz9+uL78SI"
    "q4jxke+fm7d+stMJ6hC09/3Pjunlcd1SvhYrwFVbMQRUJRnTS4t+SMoy8RG+G4ZQLpmW/6"
    "PvgjiXuAch7wwYETIU/ebzYwjY1/3xyYx717eTTu3D/Q2y1t+y/Dha8zlumZlnt0kzj67v"
    "pv9DgmX7rXCoQXkX7tjb9I9Kf0+6Avu+hi25lb7h235ca/N+gzqWsHKyZ+VdRZBKLgaAAj"
    "Kbl1OmlcKBgph3cXqsV29tYi4WiCWDmu3TZ1x/DtUv2mGMicOwvy8/qnHN9+7Qy7XzrDd9"
    "c/JfzV98+03FPfYwCT2zmkNfdQ4oA5abcX2H4NEBPryyJYX2ZjfZnCGk//gzRH4eodYja7"
    "O4kKgFxKNxFrIbCluL/4WomIVQ1big8/Fam+pFRm/XXPxbFe28jiq74RC6i86crrjlD5EI"
    "2aAKRpSP0hPhPU7PYgblW/zuz6ssjA4TJ74HCZbAtmyFF1b3oYB/lfo0GfDXLEJDkI1zVH"
    "+p9k6HaRGrxXy9v4x9PadMeG0nStGw6Z+r2nt/1n40AOyAGcQhQbgAdAv7vv/Dvpg+7d4C"
    "Y5sqYXuCEOoTPQp+fIdIkemKra86tqzZTUGdzCWWXTp5atZfKIaqpzF176xvT9/PDBEL3o"
    "tgdPKrQQnmvmBRasaKmdUYWO9EQeQLJNdWUvsENn76opkeGotfnBltBMd68reU8vqU8Osi"
    "TVm9qHAQJM/logkxh6kQNJW6gmebt0fOHgd9sdafgjNd7ejgv/hDDEUcMQp5wwiT3mrMuM"
    "STiUSx4ivSDLZkZVMjGNWACi7EloZphKNtdLF9UeeQTV1FBFQ1aN7lDujOW25IVTJ+bjw6"
    "37e72aub8fHm/ueqMvbWm1npKR3IKU6IfH1mZ4lH7uva/EULW0hf5CLIfyaDwYkiNkeEPm"
    "5SjZBRdpfC6uCzQ+F8lQ5rbxoafiTiXecjKa+N0+DY2FduntsPNp3JZmFhm1hA6Ub0MXol"
    "nortvQXzNB3OOPx3hmIFGb409BDtigHWOyEQsbe8PXYITE4YK0pRhzQXq/Ss8FISgKQdFa"
    "DKYgKFo6pNXizo8Ldb3Ic0Eigl28pvGxBiMgGJxq5sUDtUihXeHAbFeDhEes2JnYM6oU0g"
    "13XsQ5Jqz0nCp8xD16iqRtCX2FYL1yRbqGAJNcYVVFYoAXQrd0MMA6vwFWbOrnRj738Xrc"
    "ErwuitcZbaf/9JFRDF5bGuIKekVMINpVerTLxKxR5Rh9y+jJgvJ1kPnkfVfyv8f5WIef1d"
    "2g/zkonnRAQvYTDIkLi34CgzdV/OqgfpAa7o+t9x+Vw5hcuH6FMZww9/dz0hY8LbKnNTzj"
    "FA/NSgx9HCLG1OiNBtKHi+vrHy8k1Vgt1B9b+4Q0WgUiGq3MgEYrGc+g/yv2Cw/UEZM6jA"
    "8S8BYiwFo5BFgrTYC5iOmMFmsHyDqroQKQc0BGXCvhIiYAciGQ0VpZouUUWWmYbzA2kGqy"
    "kY7ZJbCeEsNDzezCI8ftbm8Gg7tYT3vTS84cHu9v5OG7Cxd8Ukh3vNiiGzfjoKiiyzrm5A"
    "UYk+4b3/DTL0NkqBlCulCLPvfPVyya8j2occHRBiMuga25auq2i8EbgRpELlVXuNwsBm/E"
    "KUyZUK2mNBOfwy4SmWcuEQk+y7wFImEZ4IOP1uUCHwx8MPDB5xCRAD64hJYO+OD6MoPAB5"
    "+j14EPriBbBnww8MHCoA58sCieELxfAT74fD1dQz64/zgeScFz8kYyPhYIZHzMjGN8BBoY"
    "aOAagww08GFBNtALMtIQj5aqYWSGw0IjkROkeK2y+6huLK0lYUv6ULCF9kJkH1o/X4fRMf"
    "ojLzA2uu/c3TGiY97qPr41vnEjkVE+WdRxpVo0xRQXrDEbWDudIVFI1d00wp+whfS5+Qva"
    "pHgrNnkcWQhbsXqbxR+Tw5b6GrKniU+WIEDeG3lSEJryZ9jrjhuMClwCtoWVHoJV3qLIxr"
    "7aDGCLyGq0hW7MLNaA4iC6moqgLYispipoHVI1Ml4g1w0p0Yh3opmnGXHCIiAZqVLv25RA"
    "MgKSkbSbIGgpVNASJCMltHQgGamveAAkI+fodZCMVJBQB8kISEaEQR0kI6J4QvB+BSQj5+"
    "tp21jP2XGQjPGDX15cycieFPBFIQr4IocCvsjg2UExAoqReoAMipHDghx5MmarkT2RSFvW"
    "AfKjTykiKLIalGL416ddOSX+rLamGP71aXKOgT9HGo03ErSFufB71dyMMf23oEzjrXkmTj"
    "oMzdFquK+nJBjr5MtaVC+AZmExl672UMWW65hntEmi7ks+Qt/5RVxb/5yzsPB6vkhZhnR4"
    "TC/S7Yy6nVt3iqIkieZ4AMHCdGO9Mtz+4F2q9h6PvGdhZ/sw8/k5MNrDxbnqi3s3q5G90F"
    "cNhgQjcraZp8NYxsuBGONoI18QY8RYDBBjgBijpuFAEGOU0NKBGKO+tDyIMc7R6yDGqCBV"
    "DWIMEGMIgzqIMUTxhOD9CogxztfTtqNajjJjRkOonzNGETGrPA/XyrvUY8nE6+aMG72ozT"
    "ljR9/RVtTVysLf9CUTxNzk9Ux7SGK/I4l91APP5PX2jYIGtocKgjKmD9utCnjCoPcyRaMt"
    "edYT86EzHPfpgRVpxEx6ZHAzkodf6SE8tZH14t/j5EFQBn1WMETGsIS8E7tTJOAE0fnGtf"
    "w13YygmVjSz6hsTBYvZ13/IRdix7zAIAOTXsqmA5PVAwjBSn34TSAEgRCEKanoU1IgBEto"
    "6YAQrC81BITgOXodCMEK0iVACAIhKAzqQAiK4gnB+xUgBM/X07A6+9Crs3nQDcofLbB0NH"
    "g/FIL3Qw68H9Lw2gtsOQovyHGrOgy9jlCTq0Ud8mPduH/s97q9h85db/xbW1qS22n6SjV0"
    "ZzMxh/Ln3qDflry9fSdmZzQadHudMTmoDD4pEdOePGpLqm1jTff4EfykRK6lI3tiktJf5e"
    "HIvQ855Uaz6F06n+V+lxxTCSIa+d0d3D90+uSAhpcr1SRH+p8H5N3meGKOul8Gg7u2ZGsL"
    "jI2JORh/cflMl1zYo85cFqkyl9k15jJVYaIIKrzbxjCNBf5SG894SZ75Gc+kv0s90ieP94"
    "qiF/tucz7bpBNe0dTWs4gONvQRE4EB37NpvCrUNF7lNI1X6aYRLVWdsQtHNsShgcAAe9M1"
    "TUI/0oeV8JNEmhYpyYhy57S4uiyS0+LqMjunBT2XmJISDLmqeGhQAfzdZy0L/qtitT+n8i"
    "exJzMNMhlhRCCzY14RE4HxFzbsRVP3O2tWd/rJwGrWnj8RowToT9SqVrDfDh5v7mTpYSh3"
    "e6OeHwMLJ93uSXpoK5Qbyp27JMrYnO8Bc9QKcC6E8xwra4ur+4za1KEFOcIQBdI+iZN2CN"
    "I+Qdqnc8Mf9tGDffQqA6oX5eMDNWYDoMLmhKfcnNAKd7l7I7Z12y4viWzsq40BS55A6j/e"
    "3R1o18d67q+XhDd778ctvNlrRCJUQpiW7Y3bGsbzwNWkuYgPtErZJrOe1TMG1BTTCldazb"
    "qhl+OqXlUEjZx1VM1RLGywVKc8gHW9Sw3Jler6La4QXhmsRc4cMD2Q+lTbb9BfkFvC5+fn"
    "L33YXrCulWqBbarWRy/IZGW45QFNfkFVnJlkwvTGRaVbjCMpb2PgcqcPDrf+rZQuLmd4x0"
    "weHL5lMnVwOgl3PINwNEdwMn8wY5FxOemi0xLIrG+J291FP6hquzt8y6S7aXPuqnYCNOPe"
    "dmHey9ueZeTyhZ29O3F0cuDGWDDOGNtlrxlPjivd0rBu/FiVGdaNx5CGdeOwbryuKxdg3X"
    "gJLR2sG6/vCmJYN36OXme0nbBuXPRVtbBuHNaNC4M6rBsXxROC9yuM4QSsGz8TT0MiaUgk"
    "fSrsIJH0qRNJW5hFbBeLgga2wieSJkOe3rAtaQtVtybm115XVvxDL7qGFP94Mt30rfzwSF"
    "d2z9Bq7WzECIqePrG0YO1N6TpsV6bBqcOO2oC6fbdmeBVqYd6oviwsqhEN4MLCy2jVYufm"
    "zmoeSoC3nurBJMa7sqAXkbi+UbGSS2xHBXYMUjuhv8smtKOaP7ckkNlVak+bEpDZQGan3Q"
    "ThFKHCKUBml9DSAZldX1oTyOxz9DqQ2RWk+oDMBjJbGNSBzBbFE4L3K0Bmn6+naWyLmRcr"
    "OwlZxKQO/dYRknW7iLGSX+0AuT5Zr44FMmv5/w6Q65Pa6gggn55OFW56CXyqoKgCn3pufG"
    "pVQRZ8W2m/kjOo1G31z2ZRt98a8KeVaj+bwJ8CfwozeNFn8MCfltDSAX9aXyYN+NNz9Drw"
    "pxVkl4A/Bf5UGNSBPxXFE4L3K8Cfnq+nYRPpQ269O9dfkMm9y3HcSuStd0XC+kld6saGG+"
    "yEWf227z4I2KQZ0jO3JMvZvjNuVodh7xFI6xA1PglGwgzA5gObT4qRMAOwi4GtWg5jJ6Ec"
    "mAOD+gF8kHZ6qmPOXSO3FnWA+NhBCYoe3y6RWwvAez+8+XaF3FoA3vx4rxbY4d71N2ZUB9"
    "SPsO0vWqo6F8ihQf0Abl1dFgCYlMoE2D2Xqskm10QxNKgfwFfFKnBO/RVPZysa4IcVhEIe"
    "mBPlgRFoWzrRYn5ZbojLVWBfusPujZWvjPU2X2uwpLH+qWauNjZSCMSxVepLmhKIY0Ecm3"
    "YT0LNC0bMgji2hpQNxbH1lkiCOPUevgzi2gtJBEMeCOFYY1EEcK4onBO9XQBx7vp6GnXJg"
    "p5xTYQc75Zx6pxyQxh9SmaZqFjY3Sx6AIyYHmhOcDuPyKXhHd7hT40Vt6jDtOoJQx4OMT5"
    "kdtQGYOWDm02RHbQDmQjDb6+VStTacmuG4VR2gPna8JkCQTzsctwLc98edT0MctwLc99AR"
    "W3huqUu+pXoxo9qNAFuF2vNWTnveYixAtVTTUSz0hCzkqzUKr0JNm9ahph9j0c16Nkes0C"
    "DSyEzcyFiXEBolox6e1XvfWhjEG/LjsPHWxuVW7vbuO3fvLi6brcSEPAD/Mq2NX1OZHLnn"
    "dM3Wu+YCzbAGxHcg/oqmtp6lCWPDHDGpX7NR2tg7JekuojSmiyDNUkTGvsjzYXvBQ4UDK6"
    "icjUw+F2jJUhLcq+ZmjOm/BXX1Y3qhykUDc/T07nspCelw+JYWrYBopkRGfbS6eUhiy/XC"
    "M9qEEPsi/NBD/jnfzD/rLCy8ni+iJ5zghsysw+S4ksI73qG8INMpw78yvVDt/Ru+JYd/XY"
    "h5/esZRUTmhfwbfvu7ZO/RZi9bAZ9oHHeK4ZVVwqBUYfwfUc19bNXPn6CZB808aOZBM3/u"
    "qg3QzJfQ0oFmvr7qadDMn6PXQTNfQUUxaOZBMy8M6qCZF8UTgvcroJk/X09bfvqNfeIgge"
    "3xUh4HXApvJORO7ty2JYMMBCfmQ2c47svDtuRfa2J2RqNBt0e8QaMgto013X3sYqPLA8dB"
    "Tp+ZSbjxfNk7oMbC2QXBjRsBrgX2QN3GweMY82+Cur1SxSAumukqXrtgG9Sz3AbVo+0YRF"
    "fI52VzWygsAmmeqtR+NoGyAsoKJk2iT5qAsiqhpQPKqr7kBVBW5+h1oKwqGNAHygooK2FQ"
    "B8pKFE8I3q8AZXW+noY0T5Dm6VTYQZonSPPUPFmE+fBroSELEWQhqhvMkIXowDA/k1fbl5"
    "gKbEXeNr3xWe7Lw86d0hmN5Pubu9/akvdghqLaNlpOjc3EvBl0hrfKvUzGx/3PbSnYXooM"
    "jcz5xOySGb48lPtduS0RB/lJOiYmuV6v3xm2JXIZ3VQtcmT8ePub8rU36o3JUWc92ygvuq"
    "07E/PXwfCX0ZfBQ1t6xdazvcCriTkYf6FSJuwytHvUh1ahrfpydupLbdT3gsw1UjSdb6Pg"
    "uFX9vruDZIvR8Np0aD4pHro9bgR79aVHmAsyX+XDNGIBgO5UglG00uDCpodMkVKkamVsds"
    "hoEUpAt7u9Uj2BjbeD3BtJlpasJJaEIeYz7nQWbxBGViqhReQ9kyktIqlB4gkt4pLKZEqL"
    "aLqLNye0SEcsqdJc1/SVWk7akrfqMyvl7OTLFvY4Q97J5/at0zhdnyvr7Kz0MX5GZoOh7A"
    "zPNfPEnepKV5ywGAg8qzQsakrZAk/3/xSs2XOmoLzIU2eRpksrCz3p33gQ3locTTZ7vPBx"
    "6fpXt01SFqq94Iq3xaxqF6W/LhJguc4OsFynAizVWrG3R7Stc3vf67cldbbUzYkp3/bGg2"
    "FbQjPdwdbEHMqk4yW/qURuv5hX+TVfU00ySkQvOnrl5AMTlsAEcjCBIBvOrvDVFJAWkQ2j"
    "byvdohw6t9fjlqDxEVnjY6i2o6ztvb7upC14WmRPk86PjAD38XPcErwsspeDHnfKy1Yl7Y"
    "Bf2cmvbDErgQd4tFEFydfCJECyeh2bB8gNFbrYM8KEgU+yQ4Sk97MUVXM5DogS1ipKSF3L"
    "GymM2tQuwnJRaC/Gi5zNGC/SuzGipaobPBCHBjXUrlwVEgld5aiErlJRrJVq26+YtJC88c"
    "KUocixrL0RvyqE+FUO4lcQNxQ+bqjbpJN29BfeVQQxuyPGDINGHkKGEDIUZPYJmQbO0euM"
    "mEMq04AbBjTwXDf3jSFGjSG8JI6rtyob7r3YXLb5jbuwRVU6lXR56Vuv5QuekKVriwZL7u"
    "SdaeaKnbZlIIZxtF7hwDGMzPxZeQtEshJoCTUJEWnCRz8qDoT94jVE9yArZemmtH6SzTjC"
    "2dlcIibHT2R0mpFEaQldOHr78juz7/8Hc6cp5A=="
)
