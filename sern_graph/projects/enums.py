"""GraphQL enums of the projects domain."""

from sern_graph.core.enums import graphql_enum
from sern_graph.projects.models import PartnershipRole

__all__ = ["PartnershipRole"]

graphql_enum(
    PartnershipRole,
    name="PartnershipRole",
    description="An organisation's role in a project.",
    values={
        "lead": "Lead partner (coordinator or applicant).",
        "partner": "Partner.",
        "associated": "Associated partner, without a share of the grant.",
    },
)
