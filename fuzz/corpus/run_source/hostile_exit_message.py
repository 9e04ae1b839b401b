raise SystemExit('message')
