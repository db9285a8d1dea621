from .tools.launch import main

main()
