"""Migration `trusted_documents` for SQLite and PostgreSQL, by scripts/make_migration.py."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return POSTGRES_UPGRADE if db.capabilities.dialect == "postgres" else SQLITE_UPGRADE


async def downgrade(db: BaseDBAsyncClient) -> str:
    return POSTGRES_DOWNGRADE if db.capabilities.dialect == "postgres" else SQLITE_DOWNGRADE


SQLITE_UPGRADE = r"""
        CREATE TABLE IF NOT EXISTS "trusted_document" (
    "sha256" VARCHAR(64) NOT NULL PRIMARY KEY,
    "body" TEXT NOT NULL,
    "operation_names" JSON NOT NULL,
    "source" VARCHAR(500) NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* A GraphQL document registered to run by its hash, even where only trusted documents may. */;
        ALTER TABLE "api_token" ADD "trusted_documents_only" INT NOT NULL DEFAULT 0;"""

SQLITE_DOWNGRADE = r"""
        ALTER TABLE "api_token" DROP COLUMN "trusted_documents_only";
        DROP TABLE IF EXISTS "trusted_document";"""

POSTGRES_UPGRADE = r"""
        CREATE TABLE IF NOT EXISTS "trusted_document" (
    "sha256" VARCHAR(64) NOT NULL PRIMARY KEY,
    "body" TEXT NOT NULL,
    "operation_names" JSONB NOT NULL,
    "source" VARCHAR(500) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "trusted_document" IS 'A GraphQL document registered to run by its hash, even where only trusted documents may.';
        ALTER TABLE "api_token" ADD "trusted_documents_only" BOOL NOT NULL DEFAULT False;"""

POSTGRES_DOWNGRADE = r"""
        ALTER TABLE "api_token" DROP COLUMN "trusted_documents_only";
        DROP TABLE IF EXISTS "trusted_document";"""

MODELS_STATE = (
    "eJztXWtz4kiW/SsZfJnaCLq2TdnuCmJjIzBWVbFtgwdw9fS0OxQCpUFrUDKSsIuY7f++mX"
    "qhR0oosYCUuF+qjJRXj3NT+bjn5M1/N5ZExwv7Y2etG47yik2n0Ub/bpjaEtM/OGebqKGt"
    "Vttz7ICjTRZucY2VU3FYcGI7ljZll3zWFjamh3RsTy1j5RjEZAa/zQnSDR29zTWnid4MZ0"
    "7/NKZz5JAXbDbRs0WW/hEL/2uNbaeNnDlGmr40TPtvaEFmiDwjekdrg94sw8Ef2Y11MqV3"
    "NszZAe+xNg1aWHXIDNPSFr3TH3/Sw4ap4x/YDn6uXtRnAy/0GKqGzi7gHledzco91jOdL2"
    "5B9vgTdUoW66W5LbzaOHNihqUND+AZNrGlOZhd3rHWDGBzvVj47ggw9550W8R7xIiNjp+1"
    "9YK5iVl7D7A91lDV/mCsjpSxqjZSLgwsIoj7h6bEZO6nj2q7bz9jj/BT6+Lyl8vPn64vP9"
    "Mi7mOGR375y7v1FhjP0IWnP2785Z7XHM0r4WK8BXVqYYaEqjlpcG/pGcdYYj7CccsE0rpv"
    "+jH4I4l7gHIe8MGBEyFP308fmIuNf98cmMe9e2U07tw/sNstbftfCxe+zlhhZ1ru0U3i6I"
    "fr/2DHCf3SvVYgvAj6rTf+hthP9M9BX3HRJbYzs9w7bsuN/9lgz6StHaKa5E3V9AhEwdEA"
    "Rlpy63TauDAwUg7vzjWL7+ytRcLRFLFyXLtt6o7h26X2Q11gc+bM6c/rn3N8+70z7H7rDD"
    "9c/5zwV98/03JP/RUDmN7Ooa25h5IAzEm7vcD2a4CcWF8WwfoyG+vLFNZk8r946qhCvUPM"
    "ZncnUQGQS+kmYi0EsVT3l1grEbGqYUvx6eci1ZeWyqy/7rk41msbW2LVN2IBlTdded0Rqh"
    "iiUROANA2pP8TngprdHsSt6teZXV8WGThcZg8cLpNtgY4dzfCmh3GQ/2c06PNBjpgkB+HG"
    "1EH/hxaGXaQG79XyNv7reW26Y0M0WRsLh079PrLb/nfjQA7IAZxBFBuAB0B/uO/8I+mD7t"
    "3gJjmyZhe4oQ5hM9Dnl8h0iR2YaNOXN83S1dQZ0iJZZdOnlq1l8ohmajMXXvbG7P388MEQ"
    "vxq2B08qtBCea+YFFqxoqZ1RhQ56pg+AbFNb2XPisNm7ZiI6HLU2f7MR1g33ush7eqQ9O9"
    "hCmje1DwMEhP41xyY19CIHaDrXTPp26fjCwe+2O9LwR2q8vR0X/glhiKOGIU45YZJ7zFmX"
    "GZN0KJc8RHrFls2NqmRiGrEARPmT0MwwlWKuly6qPfoImjnFFQ1ZNbpDpTNW2sgLpz6Zjw"
    "+37u/1Snd/Pzze3PVG39potZ7QkdycluiHx9ZmeJR97r3v1FCzpnPjlVoOldF4MKRH6PCG"
    "zstxsgsu0vhcXBdofC6Socxt48NOxZ1KveVkNPG7fRoaS+3S22Hny7iNdIuOWkIHKrehC7"
    "Eeuus29JcuiXv88ZjIDCRqc/wpyAEbtGNMNmJhY2/4GoyQBFyQtpRjLsjuV+m5IARFISha"
    "i8EUBEVLh7Ra3Plxoa4XeS5JRLBL1iw+1uAEBINTzbx44DRSaFc4MNvVIOGRK3Ym94wqhX"
    "TDnRcJjgkrPacKH3GPniJpW0JfIVmvXJGuIcAkV1hVkRjghdQtHQywzm+AFZv6uZHPfbwe"
    "twSvy+J1TtvpP31kFEPW1hQLBb0iJhDtKj3aZRLeqHKMf2T0ZEH5Osh88r4r5R/jfKzDz+"
    "pu0P8aFE86ICH7CYbEhUU/gcG7Kn51UD9IDffH1vuPymFMLl2/whlOmPv7OWkLnpbZ01Oi"
    "C4qH9BJDH4eIMTV6owH6dHF9/dMF0harufZTa5+QRqtARKOVGdBoJeMZ7H/VfhWBOmJSh/"
    "FBAt5CBFgrhwBrpQkwFzGD02LtANngNVQAcg7IWGglXMQEQC4EMl6rS7ycYCsN8w0hC6yZ"
    "fKRjdgmsJ9TwUDO78Mhxu9ubweAu1tPe9JIzh8f7G2X44cIFnxYyHC+26MbNBCiq6LKOGX"
    "0BzqT7xjf88usQL7QMIV2oRZ/55ysWTfkrqHHB0QYnLkGsmWYatovBO4EaRC5VV7jcLAbv"
    "xClMmVCtpjQTn8MuEpllLhEJPsu8BSJhGeCDj9blAh8MfDDwwecQkQA+uISWDvjg+jKDwA"
    "efo9eBD64gWwZ8MPDB0qAOfLAsnpC8XwE++Hw9XUM+uP84HqHgOUUjGZ8LBDI+Z8YxPgMN"
    "DDRwjUEGGviwIC/wK16kIR4ttcUiMxwWGsmcIMVrld1HdWNpLUQs9KlgC+2FyD61frkOo2"
    "PsR15gbHTfubvjRMe81X1ia3zjRjKjfLKo40qzWIopIVhjNrB2OkOikKq7aYS/EAsbM/NX"
    "vEnxVnzyOLIQtmL1Nos/poct7S1kTxOfLEWAvjf2pCAs5c+w1x03OBW4BGwLKz0kq7xFkY"
    "19tRnAFpHVTOfGQrd4A4qD6GoqgrYkspqqoHVI1ch4jl03pEQj3olmnmbECYuAZKRKvW8T"
    "gWQEJCNpN0HQUqqgJUhGSmjpQDJSX/EASEbO0esgGakgoQ6SEZCMSIM6SEZk8YTk/QpIRs"
    "7X0/ZiPePHQTLGD355eSUje1LAF4Uo4IscCvgig2cHxQgoRuoBMihGDgty5Mm4rUb2RCJt"
    "WQfIjz6liKDIa1CK4V+fduWU+PPammL416fJOQb+Amk03knQFubC7zVzMybs34IyjffmmT"
    "jpMDRHq+G+nppgrJMvazG9ANbDYi5d7aFKLNcxL3iTRN2XfIS+84u4tv45Z26R9Wyesgzp"
    "8JhepNsZdTu37hRFTRLN8QCCRdjGemW4/cG7VO09HnnPws72YRbzc2C0h4tz1Rf3blYje2"
    "6sGhwJRuRsM0+HsYyXAzHG0Ua+IMaIsRggxgAxRk3DgSDGKKGlAzFGfWl5EGOco9dBjFFB"
    "qhrEGCDGkAZ1EGPI4gnJ+xUQY5yvp21HsxxV50ZDmJ8zRhExqzwP18q7zGPJxOumLoxe1O"
    "acsWPvaKvaamWRH8aSC2Ju8nquPSSx35HEPuqBF/p6+0ZBA9tDBUE504ftVgUiYdB7haHR"
    "Rp71k/nQGY777MCKNmImOzK4GSnD7+wQmdjYevXvcfIgKIc+Kxgi41hC3ondKRJIguh851"
    "r+mm5G0Ews6edUNi6Ll7Ou/5ALsWNe4JCBSS9l04HJ6gGEYKU+/CYQgkAIwpRU9ikpEIIl"
    "tHRACNaXGgJC8By9DoRgBekSIASBEJQGdSAEZfGE5P0KEILn62lYnX3o1dki6AbljxZYOh"
    "q8nwrB+ykH3k9peO05sRxVFOS4VR2GXkeoydWiDsWxbtw/9nvd3kPnrjf+vY2W9HZTY6Ut"
    "DGfzZA6Vr71Bv428vX2fzM5oNOj2OmN6UB18USOmPWXURpptk6nh8SPkWY1cy8D2k0lLf1"
    "eGI/c+9JQbzWJ36XxV+l16TKOITOnv7uD+odOnB6ZkudJMeqT/dUDfbUaezFH322Bw10b2"
    "dE7I4skcjL+5fKZLLuxRZy6LVJnL7BpzmaowUQRV0W1juMYSf6mNF7Kkz/xCdPSfqEf75P"
    "FeUfRi323OZ5t0whue2EYW0cGHPmIiMeB7No1XhZrGq5ym8SrdNOKlZnB24ciGODSQGGBv"
    "ujZF+Cf2sIg8I9q0oCQjKpzT4uqySE6Lq8vsnBbsXGJKSjEUquKhQQXwd5+1LPivitX+nM"
    "qfxJ7ONOhkhBOBzI55RUwkxl/asBdL3e+sed3plwXRsvb8iRglQH9mVrWC/XbweHOnoIeh"
    "0u2Nen4MLJx0uyfZoa1Qbqh07pIoE3O2B8xRK8C5EM4zoq4toe4zalOHFuQIQxRI+yRP2i"
    "FI+wRpn84Nf9hHD/bRqwyoXpRPDNSYDYAKmxOecnNCK9zl7p3Y1m27vCSysa82Bix9AtR/"
    "vLs70K6P9dxfLwlv9t6PW3iz14hEqIQwLds7tzWM54GrSXMRH2iVsk1mPatnDKgJYRWutJ"
    "p1wy4nVL2qCBo962hTR7XIgqc6FQGs611qSK9U129xhclqwVvkLADTA61Ptf0G/QW5JXx+"
    "fv7Sh+0F61qp5sRman38ik1ehlsR0JRXXMWZSSZM71xUusU4kvI2Bq5w+uBw699K6eJyhn"
    "fc5MHhWyZTB6eTcMczCEdzBCfzB3MWGZeTLjotgcz6loTdXfSDqra7w7dMups1565qJ0Az"
    "7m0X5r287VlGLl/Y2bsTRycHbpwF45yxXfaa8eS40i0N68aPVZlh3XgMaVg3DuvG67pyAd"
    "aNl9DSwbrx+q4ghnXj5+h1TtsJ68ZlX1UL68Zh3bg0qMO6cVk8IXm/whlOwLrxM/E0JJKG"
    "RNKnwg4SSZ86kbRFeMR2sShoYCt9Imk65OkN22g61wzryfze6yqqf+jVmGLVP55MN32rPD"
    "yyld06Xq2djRxB0dMnlpasvSldh+3KNAR12FEbULfv1gyvQi3MO9WXhUU1sgFcWHgZrVr8"
    "3NxZzUMJ8NZTPZjEeFcW9CIS13cqVnKJ7ajAjkNqJ/R32YR2VPPnlgQyu0rtaRMBmQ1kdt"
    "pNEE6RKpwCZHYJLR2Q2fWlNYHMPkevA5ldQaoPyGwgs6VBHchsWTwheb8CZPb5eprFtrh5"
    "sbKTkEVM6tBvHSFZt4sYL/nVDpDrk/XqWCDzlv/vALk+qa2OAPLp6VTpppfAp0qKKvCp58"
    "anVhVkybeV9is5h0rdVv9sFnX7rQF/Wqn2swn8KfCnMIOXfQYP/GkJLR3wp/Vl0oA/PUev"
    "A39aQXYJ+FPgT6VBHfhTWTwheb8C/On5eho2kT7k1rsz4xWbwrscx61k3npXJqyftaWx2A"
    "iDnTCr3/bdBwGbNkNG5pZkOdt3xs3qMOw9AmkdoiYmwUiYAdhiYItJMRJmAHYxsDXL4ewk"
    "lANzYFA/gA/STk8MIrhr5NaiDhAfOyjB0BPbJXJrAXjvh7fYrpBbC8BbHO/VnDjCu/7GjO"
    "qA+hG2/cVLzRACOTSoH8Ctq8sCANNSmQC751I12RSaKIYG9QP4qlgFzqm/8ulsZQP8sIJQ"
    "yANzojwwEm1LJ1vML8sNcbkK7Et32L2x8pWx3uZrDZ401j/VzNXGRgqBOLZKfUkTgTgWxL"
    "FpNwE9KxU9C+LYElo6EMfWVyYJ4thz9DqIYysoHQRxLIhjpUEdxLGyeELyfgXEsefradgp"
    "B3bKORV2sFPOqXfKAWn8IZVp2tQi5mYpAnDE5EBzgtNhXD4F7xiOcGq8qE0dpl1HEOp4kI"
    "kps6M2ALMAzGKa7KgNwFwIZnu9XGrWRlAzHLeqA9THjtcECIpph+NWgPv+uItpiONWgPse"
    "OmKLzCxtKbZUL2ZUuxFgq1B73sppz1ucBaiWZjqqhZ+xhX21RuFVqGnTOtT0Yyy6WeszzA"
    "sN4imdiS8y1iWERsmoh2f10beWBvGG8jhsvLdxuVW6vfvO3YeLy2YrMSEPwL9Ma+PXTCZH"
    "7zlZ8/WuuUBzrAHxHYi/4YltZGnC+DBHTOrXbJQ29k5JuosojdkiSLMUkbEv8nzYXvBQ4c"
    "AKKmcjk885XvKUBPeauRkT9m9BXf2YXahy0cAcPb37XmpCOhy+pcUqINbVyKiPVTcPSWK5"
    "XnjBmxBiX4Qfesg/55v5Z525RdazefSEE9yQm3WYHldTeMc7lFdsOmX4V2EXqr1/w7cU8K"
    "8Lsah/PaOIyLyQf8Nvf5fsPdrsZSvgE43jTjG8ukoYlCqM/yOquY+t+vkTNPOgmQfNPGjm"
    "z121AZr5Elo60MzXVz0Nmvlz9Dpo5iuoKAbNPGjmpUEdNPOyeELyfgU08+fractPv7FPHC"
    "SwPV7K44BLEY2E3Cmd2zZa0IHgk/nQGY77yrCN/Gs9mZ3RaNDtUW+wKIhtk6nhPnax0eWB"
    "4yCnz8wk3Xi+7B1QY+HsguDGjQDXAnugbuPgcYzFN0HdXqliEBfNdBWvXbAN6llug+rRdh"
    "yiK+TzsrktHBaBNE9Vaj+bQFkBZQWTJtknTUBZldDSAWVVX/ICKKtz9DpQVhUM6ANlBZSV"
    "NKgDZSWLJyTvV4CyOl9PQ5onSPN0KuwgzROkeWqeLMJ8+LXQkIUIshDVDWbIQnRgmF/oq+"
    "1LTAW2Mm+b3viq9JVh507tjEbK/c3d723kPdhC1WwbLyeLzZN5M+gMb9V7hY6P+1/bKNhe"
    "ig6NzNmT2aUzfGWo9LtKG1EH+Uk6nkx6vV6/M2wjehnD1Cx6ZPx4+7v6vTfqjelRZ61v1F"
    "fDNpwn87fB8NfRt8FDG70R68Wek9WTORh/Y1Im4jK0e9SHVqGt+nJ26ktt1PeKzTVWp4bY"
    "RsFxq/p9dwfJFjMla9Nh+aRE6Pa4EezVlx5hzul8VQzTiAUAulMJxtBKgwubHnJFSpGqlb"
    "HZIadFKAHd7vZK9QQ23g4KbyRZWrKSWBKGmM+E01m8QxhZqYQWkfdMprSIpAaJJ7SISyqT"
    "KS2i6S7endAiHbFkSnNjaqy0ctKWvFefWSlnJ1+2sMc58k4xt2+dJuj6XFlnZ2WMyQs2Gx"
    "xlZ3iumSfu1FaG6oTFQOBZpWFRE2ULPN3/U7Bmz5mC8jJPnWWaLq0s/Gz8EEF4a3E02ezx"
    "wsel61/dNkmda/ZcKN4Ws6pdlP66SIDlOjvAcp0KsFRrxd4e0bbO7X2v30aavjTMJ1O57Y"
    "0HwzbCuuEQ68kcKrTjpb+ZRG6/mFf5NX+qmXSUiF8N/CbIByYsgQkUYALpR22zkSB9nvWS"
    "DQJVwiSTYg7Ivgj4QsAXIOHObnyqKeYtIuHGP1aGxfQMwl6PW4LeSma91UKzHXVt7/V1J2"
    "3B0zJ7mg5E6Gh8Hz/HLcHLMns56HEnosxh0g64rp1c1xazEjiZRxtXkAgvTMgkq9exOZnc"
    "sK2LPSdkG/gkO1xLez9L1aYu3wQR21pFbJlrRaO2UZvaRbsuCu2LeZGzMeZFemdMvNSMhQ"
    "jEoUENdURXhQRbVzmKratURHGl2fYboS2kaOw2ZShzXHFvxK8KIX6Vg/gVxHClj+EaNu2k"
    "HeNVdEVHzO6IMcOgkYeQIYQMJZl9QtaHc/Q6J+aQyvrghgEXZGaY+8YQo8YQXpLH1VvFk/"
    "C+eC7z/84d8aKKqUq6vPRt8HKjGGOP7bz1yc4GJ6CRLNLMi20k2dNC8Y1GB321tNX873co"
    "sKMjwZlBr2RhHTkEWWsTTTbIcGzEZhZNxBR56G1OzyNGzyL/vqG9jZba5mNyIHnQG70jFm"
    "PPtdbVtchEa2tRu5BBWQKZ7CjNhOic6Gt2hpugvMwTrFJ6lkOkuCErhg6T3LIjQnmeOKaQ"
    "7ynfQXtkw/GyaQk1PqFFLb6IIyyIhaltNvrVnORkTW0FBr6HHNd1sGVM57zhnH8mdxSnbc"
    "sAN3W0D+HA3FRmjtq8RdhZSWrr0NIfJJDPPioBhP3iNUT3INlo6B0df1ZZdBAZMTn+4PE0"
    "4/jShokn7cz++n9KS9f/"
)
