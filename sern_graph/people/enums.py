"""GraphQL enums of the people domain."""

from sern_graph.core.enums import graphql_enum
from sern_graph.people.models import BoardRole

__all__ = ["BoardRole"]

graphql_enum(
    BoardRole,
    name="BoardRole",
    description="A seat's role on the network's board.",
    values={
        "chair": "Chair of the board (rotates between Sweden and Italy).",
        "vice_chair": "Vice chair, of the other nationality than the chair.",
        "member": "Board member.",
        "deputy": "Deputy board member.",
    },
)
