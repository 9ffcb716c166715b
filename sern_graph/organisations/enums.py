"""GraphQL enums of the organisations domain."""

from sern_graph.core.enums import graphql_enum
from sern_graph.organisations.models import MembershipKind, OrganisationKind

__all__ = ["MembershipKind", "OrganisationKind"]

graphql_enum(
    OrganisationKind,
    name="OrganisationKind",
    description="What kind of body an organisation is.",
    values={
        "municipality": "A municipality (kommun, comune).",
        "region": "A region, province or county council.",
        "association_of_municipalities": "An association or union of local authorities.",
        "university": "A university or other higher-education institution.",
        "agency": "A public agency.",
        "company": "A company, public or private.",
        "ngo": "A non-governmental, non-profit organisation.",
        "school": "A school.",
        "other": "Any other kind of organisation.",
    },
)

graphql_enum(
    MembershipKind,
    name="MembershipKind",
    description="How an organisation belongs to the network.",
    values={
        "member": "A full member of the network.",
        "partner": "A 'Partner of the Network' from another EU country (since 2009).",
        "observer": "An observer.",
    },
)
