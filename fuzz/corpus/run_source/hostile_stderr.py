import sys
sys.stderr.write('err\n')
print('out')
