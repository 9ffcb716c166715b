"""GraphQL enums of the events domain."""

from sern_graph.core.enums import graphql_enum
from sern_graph.events.models import EventKind

__all__ = ["EventKind"]

graphql_enum(
    EventKind,
    name="EventKind",
    description="What kind of event it is.",
    values={
        "general_assembly": "The network's annual General Assembly.",
        "board_meeting": "A meeting of the board.",
        "conference": "A conference.",
        "seminar": "A seminar.",
        "study_visit": "A study visit.",
        "workshop": "A workshop.",
        "other": "Any other event.",
    },
)
