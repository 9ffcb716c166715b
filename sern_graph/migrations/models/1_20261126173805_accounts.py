"""Migration `accounts`, for SQLite and PostgreSQL (written by scripts/make_migration.py)."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return POSTGRES_UPGRADE if db.capabilities.dialect == "postgres" else SQLITE_UPGRADE


async def downgrade(db: BaseDBAsyncClient) -> str:
    return POSTGRES_DOWNGRADE if db.capabilities.dialect == "postgres" else SQLITE_DOWNGRADE


SQLITE_UPGRADE = r"""
        CREATE TABLE IF NOT EXISTS "user_account" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "username" VARCHAR(150) NOT NULL UNIQUE,
    "email" VARCHAR(254),
    "password_hash" VARCHAR(255) NOT NULL,
    "role" VARCHAR(16) NOT NULL /* ADMIN: admin\nEDITOR: editor\nREADER: reader */,
    "is_active" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "last_login_at" TIMESTAMP
);
        CREATE TABLE IF NOT EXISTS "api_token" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "role" VARCHAR(16) NOT NULL /* ADMIN: admin\nEDITOR: editor\nREADER: reader */,
    "can_preview" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP,
    "last_used_at" TIMESTAMP,
    "revoked_at" TIMESTAMP,
    "created_by_id" INT REFERENCES "user_account" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_api_token_prefix_1d5da5" ON "api_token" ("prefix");"""

SQLITE_DOWNGRADE = r"""
        DROP TABLE IF EXISTS "user_account";
        DROP TABLE IF EXISTS "api_token";"""

POSTGRES_UPGRADE = r"""
        CREATE TABLE IF NOT EXISTS "user_account" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "username" VARCHAR(150) NOT NULL UNIQUE,
    "email" VARCHAR(254),
    "password_hash" VARCHAR(255) NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "is_active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "last_login_at" TIMESTAMPTZ
);
COMMENT ON COLUMN "user_account"."role" IS 'ADMIN: admin\nEDITOR: editor\nREADER: reader';
        CREATE TABLE IF NOT EXISTS "api_token" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "role" VARCHAR(16) NOT NULL,
    "can_preview" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ,
    "last_used_at" TIMESTAMPTZ,
    "revoked_at" TIMESTAMPTZ,
    "created_by_id" INT REFERENCES "user_account" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_api_token_prefix_1d5da5" ON "api_token" ("prefix");
COMMENT ON COLUMN "api_token"."role" IS 'ADMIN: admin\nEDITOR: editor\nREADER: reader';"""

POSTGRES_DOWNGRADE = r"""
        DROP TABLE IF EXISTS "user_account";
        DROP TABLE IF EXISTS "api_token";"""

MODELS_STATE = (
    "eJztXWtz2koS/SsqPmWrnGyMHzdFbW0VxkrCXgwuwLkv31IJMQatxQxXEnaou/nvOyOEHq"
    "OR0MiAJbm/OGE0rcfpefbp7vm7sSBTZDkfOmSFXXvdaCl/N7C+QPQ//KUTpaEvl+EFVuDq"
    "E8ura0QqTRzX1g2XFj/oloNo0RQ5hm0uXZNgWopXlsUKiUErmngWFq2w+dcKaS6ZIXeObH"
    "rhjz9psYmn6Dtytj+Xj9qDiaxp7GXNKXu2V66566VX1sXuZ68ie9pEM4i1WuCw8nLtzgkO"
    "apvYZaUzhJGtu4jd3rVX7PXZ2/kfuv2izZuGVTavGJGZogd9ZbmRz51oYVlD0/qDsTZSx5"
    "rWkADIIJiBS1/V8b5+xl7hffP0/KfzT2eX559oFe81g5KffmweHQKzEfTg6Y8bP7zruqtv"
    "angYh6A6LgUiiWtnrtsqXi08cLv0jXRsoATIgTCHM/0AHuctqllAbwsykG5Mbf3BbciB3b"
    "getj+PW4one49v76563dFX9bqlLFcTy3TmaHqP28PO1+43Vqjbxtx8Qps2tVtBC/27ZiE8"
    "c+f05+llhja+sWe0h+9OL//B7k1oF9p0rb5/peldYgoLFRS8oqa7ST1dU3hdc4HEnYCX5d"
    "Q09YU/bP+TQ2m+RjJ0Fo4IR+geGWiPuzfqaNy+uWW3XzjOX5YHWHussitNr3TNlb7jNRPc"
    "RPmlO/6qsJ/K74O+6qFJHHdme08M641/b7B30lcu0TB51vRpFJNt8bYopuknZDvs8/MPch"
    "GJ3SNdsR6Y1OZpqUe6EE7DRuzLC3SbuOQeOk0hnA85qdAPnA6wtfY7dEV6kT/2ZHai1XJa"
    "UOtxSdB6WbQuGDv9t4+sYsjKNpCTVPl/RoO+WN0REV7XpuEq/1PozHmwMbTxr4cVNpgClc"
    "nKtFwTOx/Y8/4tubLZxzzJIIqpebsaeXfT/pVfqHR6gytef+wGV9zgi4loVTlG31Nmsm39"
    "QgvJCq1J1F/H2VgH3ao36H/ZVucVwE10dK8mXsGnTG9+/f0s2g+xO2p0RwPl7PTy8v2pol"
    "vLuf6+WWQx3syxFm+mLsWb/Eqc/as5TzJQR0Tq0LI5eD9+zAPwx4/pELNrApBNweS9A2RT"
    "NGsDyBkgI8FOYwfISLTVAJDFIKOVtkCLCbKTMF8RYiEdi5GOyXFYT6jgodYkQclxp8Srwa"
    "AXmxKvuvycd3dzpQ7fnXrg00qmu9kVezs+Zi18eIyYtljBRDcen3V7qsWuhKqx0Yx+gGC5"
    "eOULfv55iCzdFe+tfaPp0LtJBfcBP7YtblvaEKyoiT3Tsel4GLwQqEHkVnWFCz0hVv1FOK"
    "nsHtUbSlPxYT2RNEla30xeWjQXfImO9Zn3SezZ7EnxzifgMsJumU5l2GEdYDKONuUCkwFM"
    "BjAZwGQAkwFMxhu3aQOT8Ra1DkwGMBm1WZMAk5Frwd6/G4+U7XvKrsE/5ViCf0pdgX8CAg"
    "MIjBqDDATGYUG20BOykhCPFrplpW7kAqHjbeOKjsreq3q7wKZCbOUs5wi92dydNX+6DPZ1"
    "7EfWlm500+71BPu6jUe1JmUOjAuVGeVX2y8vdRthVw7WmEwhVMs2QOwB1AS5lmi7SYQ/Ex"
    "uZM/wzWicsrmLaIxJ8ULF2m8Z80GJbfw7s/lyXpQjQ70YbEnNI94vDbmfcEDTgPWCbm6Ms"
    "WePNi2ys16YAm4cQNuamNbVFC4qDMMIVQbskhHBV0Dok3zmeI08NCbpzc+Eki+10gypAdl"
    "Zp9j0BshPITiA7y2WwB7ITyE6gvYDsBK0D2QlkJ5CdxclOx1rNZAiMbf3ykp0FyYvTXOTF"
    "aQZ5cZrCEAHXCVxnPUAGrvOwIEfeTDhqpE+BSck6QH7syTCKomhAyYd/fcaV18RfNNbkw7"
    "8+Q84x8JcIXXwhtZCbxbnR8XpM2N+cBONLY/tedRmawTJ6n6dxXAv/sTZjutA0qOYRLRtU"
    "ie0p5hGtedR9sjLQnV/Fk/WvuXObrGbzhGRA5MSYzk571Glfe9tzjadI4iZpm/wXGaIoRW"
    "m1325uVXuNR74zt7J9mOX0vBUqoOJM3vDGiyR35uayISAPI1dPshjERbwe0IhHW/kCjQg0"
    "ItCIQCMCjQg04hsnlIBGfItaBxoRaMTarEkOQiO6uu1qU+E6ng15Ke0/JpU13NVKA2y04t"
    "O04ak0elGZt4wd+0ZH05dLm3w3F0IQM1PdCeUh5d2OlHdRDTzSzyu6f9/KHmr7Lpj4wsSG"
    "Mhv4G5Wh0VI20nQL3x6O+6xgSQcxzEoGVyN1+I0VkYmD7Cf/Ga++fRcYfnNu7gSSEOu3Oy"
    "yNcCb6F8ZP1TR14QkXRiVobEL7c0Ys1SGDX2JaEJixeS2lG7L55gGm7Ep1/BMwZYMpG0zZ"
    "5TLHgCkbTNlg1ARTNmgdTNlgygZTNkTElDciRgbdbf2jbYmOBu9ZLnjPMuA9S8LrzIntar"
    "Igx6XqMGgcoSVXy+gtj3Xj5q7f7XRv273u+LeWsqCPM8ylbpnu+h4P1S/dQb+lbM6woNv9"
    "0WjQ6bbHtFAbfNYiol111FJ0xyGGubHskQctci8TOfeY1v6mDkfec+glbx/GntL+ovY7tE"
    "yniBj0d2dwc9vu0wKDLJY6piX9LwP6bTNyj0edr4NBr6U4xpwQ6x4Pxl89S7xnFivQZs7z"
    "NJnz9BZznmgwUQQ12SSzQuES99TGI1nQd34kU+WfSpeuR8eF7D/5+m1Gt+WV8Iwmjplmoh"
    "NDHxEpMeAFh8aLXEPjRcbQeCE4dGyhm4KcnekQBwIlBnhj/jMU9J69rEIeFDq0KLwtXzqO"
    "8OI8TxzhxXl6HCG7xhk5KYZSTTwQqAD+3rvuC/6LfK0/o/Hz2NNdNt3ICfbO6bu1iEiJ8S"
    "/tho0l+nNXoun0s0X0tAzBESEO9AcmVSvYrwd3Vz1VuR2qne6o69snAoOTd5EVhS4eQ7Xd"
    "41EmeFYA5qgU4JwL5xnRVrbU9BmVqcMIcoQlCoTalyfUG0LtIdT+reEPWfch635lQN1Y+e"
    "RAjckAqHCUwWseZRAetfxCbOuWXJ9HNtZrY8DSN1D6d73egc6IqGc2fh7e9JMiQnjTvZsj"
    "VEKQCuOFhyDEc2/UZLiIL7T2cqhGPZtnDKgJYQ1uby3rit1OqnlVETR61dUNV7OJJfKXkg"
    "Gss7nVkN6prn1xicjSEoXnScB0S9tTbfugH0q2h+7n54y6DW9Y10Y1Jw7zM0VPCIuyismA"
    "pj6hKu5MUmHaW8K+SJqxGLjSKduCg4Iq5Rcnm7At+Eo+XVsy8WE8a1s0Lxufs00QHrefFH"
    "1Jr++0viSt7rwdqtrqDr6SVzcbzj2vnS2acW17MBfS9kYycvvcyt6drI9fuAlCHQVru/Ro"
    "R35d6dWGiMdjNWaIeIwhDRGPEPEIEY8Q8QgRj28w9g0iHt+i1iHiESIea7MmgeR9r+3jCc"
    "n7IHlfnZL32UREyeTbv29lS5+8jw6R3WFLMea6ad/jb92OqvlFT6aBNL+cT/F3rd7esZjE"
    "KVqu3HU5tvOvn8yvZOPN3j0IPYJR0oMwKgN+mbu93ZYBi/tCv6HcdHDZAM7tMhRtWuJ8iG"
    "nDwx7graffC4/xrsyTeZyzDpl6MuoaIqBjOM+RdCom6q0CNAzQMEDDAA1TqpG6gqZEoGGA"
    "hgGDPNAwoHWgYYCGARqmOA3DdmXCXATpiR8iInVA/AgJEj3ERAkHdoBcn0wDxwJZFHK1A+"
    "T6pBM4AsivTwSUbmEETEBJUQUm4K0xAVUFueSHUPmNXEAChM0/3f4f9jWw/Fdq/DwByz9Y"
    "/sHyXy7rFVj+wfIPNmCw/IPWwfIPln+w/MORU+U8qGdGtwJY+kykuFSZD+opE9YP+sK01t"
    "Jgc2L1O+zrIGDTIdxMTWCecdhHXKwOA/YR6JYANTnykBMDsOXAliMROTEAOx/Yuu0K8g5n"
    "wLwVqB/ABxmnJyaRPGMilKgDxMdeTjP05M6UCCUA72J4y50hEUoA3vJ4L+fElT4jKCZUB9"
    "ThHMOjAgwHFR68BedqwBJHEb6+h1jZAD+sKxPE3r5S7G2JktiXzeaXpoY40QpZ7A+bSTvb"
    "p2uTqr0hcuryL51kenVFKoFbV5XmkhMF3LrArSupJnDrArcucOsCt66qOPiAW9db1Dq4dY"
    "FbV23WJJBXt3y5YSGvbnHsIK/ua+fVBafOQ/pU6IZN8HohA3BE5ECz2ethvH/yyDVd6XQk"
    "UZk6LBiOQDFvIJPzKYzKAMwSMMt5E0ZlAOZcMDurxUK315LebnGpOkB99J2Gj6Cc11tcCn"
    "Avjruc91tcCnAv4AFnk5mtL+SCTGJCtVsBNnON582M8bwpCJ2ydexqNnpANvJ5xtzxU0nR"
    "OrT0Y7iLr6YzJLKSI4PuxK0Uj9pAiLd6bKQ++NKlQbyh3g0bLx1crtVO96bde3d6ftLkNu"
    "Rb8M+TXp0r5uBBnzlZiT21MoEWSAPiOxB/RhPHTPNmEMMcEanfsLG3tXfCGTGPjxwL38F7"
    "cY/z3ZNuwxseyhxYQZ+vyOZzjhYiDuxGx+sxYX9zeoSO2Y0qZw3M8AT1vkvjnN6Cr7RZA0"
    "RTLbLqY81tgySxPS08onUAse8+GmjIv+aL+VfduU1Ws3n0grt9oDDTGy3XEnjHJ5QnhN19"
    "6FdlN6q9foOvlNCvB7GsfjdCEffIXPoN+v4uh83osJfuu8kNjjvdOLUlJ7BXl84/ot6iMX"
    "/1P8HbE7w9wdsTvD3B2xO8PcHbE/z+wNsTtA7enuDtWVWT27E5qYqdo+5vM2XX8D21Tdfm"
    "Fh3C6Aq+PRz32Xnp/r3o6n00GnS6dCRi63fHIYbpvXYpVvCvHw1fuplo3+elxAwxOcGNCw"
    "GuOU5MCS04cYzlj0wJ71QxiPNmF4i3Ljg05U0emrIxOAtMtIElOt0qi4IqEFpfpfHzBIyt"
    "YGwFY2u5DAZgbAVjK5jdwNgKWgdjKxhbwdgKofVH0QCE1kNoPYTWFx1pS2YbOXz8CUR+Q+"
    "R33WCGyO8Dw/xIP62oSXUrW+ZD1hpf1L46bPe09mik3lz1fmspmxezNN1x0GJire/x1aA9"
    "vNZuVLo37H9pKdtk1HRphGf3uEO3ZepQ7XfUlkIV5AdG3mN6v26/PWwp9DYm1m1aMr67/k"
    "371h11x7TUXU3X2pPpmO49/mUw/Hn0dXDbUp6J/ejMyfIeD8ZfGQlPPG6hQHto5krsn5HX"
    "P5HW/wnhFdIMU+5YobhU/frdQSJ0DbLCLovhlyGK4kKQ2T+5wpzTvb4cphEJAHSnDwNDKw"
    "kuHJEgpNcjTSvlaATBiLAHdDvhneoJbHwclD52Ym8BorHAt5eFEL7ApadSQYSR7+TDCCPh"
    "mPEgwrgzEB9GGA0xfHEQYZKkYT6SpmEu9f2Eir7Us6hSyuY/NrfGBY5JcmoPlSap+kyHpP"
    "bSHJNHhBsCn6Tg2kmWW5K+NDU3qAauSVVaFp0o6a5Jsgdn1/h88oNsl5Y2ejC/yyAcStTw"
    "VPK9e255Y5I21525lL0tJlU7K/1lHgPLZbqB5TJhYKlWrEkBa1v7+qbbbyn6dGHie6xed8"
    "eDYUtBU9Ml9j0eqnTipb+Zc0cxm9f+W76hY7pKRE8mepbkAzlJYAIlmEBweEtv8NV0fcrj"
    "8Ia+L02bcejSWo9Lgm9wefzbklq2dMfVVk6h3s3LgqbLrGk6+dEVYBE9xyVBy2XW8nbGnc"
    "iyVbwc8Cs7+ZUQsz3wAHcOqiD5mpsE4JvXsXmATFOhh73ATLjVSbqJkM5+tqYbHscBVsJa"
    "WQmZamUthVGZ2llYTnOdf3OacQDOafIEHLTQTUsG4kCghr4rF7mchC4yvIQuElaspe44z4"
    "SOkLL2woRgmW1ZhRG/yIX4RQbiF2A3LL3d0HToJO2aT7JRBDG5I9oMt4M8mAzBZFiS3SfE"
    "yL5FrQtsDokYWc8MaJGZiYvaEKPCYF4qj6pDLxvp8y88tvmFJ19EvXQqqfK9H3eR7fCEbN"
    "OYN0TuTpsrJ5nOTmEdsGEcbVY4sA0jNfNLVoBIWuqXUm1CyrThY51KAmG/eg3RPUikLDsI"
    "zE8PF0c4PQVHROT4KTheZyWxt2QbErP9/iezH/8HUI4QvQ=="
)
