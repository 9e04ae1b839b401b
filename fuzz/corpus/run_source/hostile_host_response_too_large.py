text(40000)
