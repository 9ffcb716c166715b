from sern_graph.cli import main

main()
