"""The query GraphiQL opens with: the acceptance query, using every root field."""

from __future__ import annotations

EXAMPLE_QUERY = """\
# sern-graph: the GraphQL API of the Sweden
# Emilia-Romagna Network (SERN).
#
# Press the run button (or Ctrl-Enter) to run this
# query. It fetches:
#   - the countries, their regions and the first 20
#     member organisations of each region,
#   - the board as it stood on 1 June 2018,
#   - one organisation (Luleå), its region and projects,
#   - the themes and the size of the network.
#
# Ctrl-Space suggests fields; the book icon on the left
# opens the documentation of every type and field.

{
  countries {
    code
    name
    regions {
      code
      name
      organisations(first: 20) {
        totalCount
        edges {
          node {
            name
            kind
          }
        }
      }
    }
  }
  board(asOf: "2018-06-01") {
    role
    person {
      givenName
      familyName
    }
    organisation {
      name
      country {
        code
      }
    }
  }
  organisation(slug: "lulea") {
    id
    name
    region {
      code
    }
    projects {
      edges {
        node {
          title
        }
      }
    }
  }
  themes {
    slug
    name
  }
  network {
    memberCount
  }
}
"""
