echo(object())
