print(echo(float('nan'), float('inf')))
