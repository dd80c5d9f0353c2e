#!/usr/bin/python3
"""Writes the two tiny "studio" models that StudioModelTest loads through the registry, one per extra format.

  apt-get install python3-torch python3-onnx      # Debian 12: torch 1.13.1, onnx 1.12.0 (no PyPI needed)
  /usr/bin/python3 generation/reference/studio-models.py   # writes generation/src/test/resources/studio-models/

Their weights are simple formulas, so the Java test computes the expected output itself, independently of any
runtime; the files are written once and committed (a few kB).

- matte.pt (TorchScript): a one-channel matte, the shape of a studio's roto or sky network:
  255 * sigmoid(conv3x3(rgb)), kernel w[i][dy][dx] = 0.002 * ((i + 1) * (dy + 1) - (dx + 1)), bias -0.5.
- grade-x2.onnx (ONNX, opset 13): nearest x2 up-sampling (Resize, asymmetric, floor), then conv3x3 3 -> 3,
  kernel w[o][i][dy][dx] = (o == i) / 9 + 0.01 * (o - i) * (dy - dx), bias b[o] = o.
"""
import os

import onnx
import torch
from onnx import TensorProto, helper

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'test', 'resources', 'studio-models')


class Matte(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 1, 3, padding=1)
        with torch.no_grad():
            for i in range(3):
                for dy in range(3):
                    for dx in range(3):
                        self.conv.weight[0, i, dy, dx] = 0.002 * ((i + 1) * (dy + 1) - (dx + 1))
            self.conv.bias.fill_(-0.5)

    def forward(self, x):
        return 255.0 * torch.sigmoid(self.conv(x))


def grade_x2():
    weights = [((1.0 if o == i else 0.0) / 9 + 0.01 * (o - i) * (dy - dx))
               for o in range(3) for i in range(3) for dy in range(3) for dx in range(3)]
    graph = helper.make_graph(
        [helper.make_node('Resize', ['input', '', 'scales'], ['up'], mode='nearest',
                          coordinate_transformation_mode='asymmetric', nearest_mode='floor'),
         helper.make_node('Conv', ['up', 'weight', 'bias'], ['output'], kernel_shape=[3, 3], pads=[1, 1, 1, 1])],
        'grade_x2',
        [helper.make_tensor_value_info('input', TensorProto.FLOAT, ['n', 3, 'h', 'w'])],
        [helper.make_tensor_value_info('output', TensorProto.FLOAT, ['n', 3, 'h2', 'w2'])],
        [helper.make_tensor('scales', TensorProto.FLOAT, [4], [1.0, 1.0, 2.0, 2.0]),
         helper.make_tensor('weight', TensorProto.FLOAT, [3, 3, 3, 3], weights),
         helper.make_tensor('bias', TensorProto.FLOAT, [3], [0.0, 1.0, 2.0])])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 13)], producer_name='shotplan studio-models.py')
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


os.makedirs(OUT, exist_ok=True)
torch.jit.script(Matte()).save(os.path.join(OUT, 'matte.pt'))
onnx.save(grade_x2(), os.path.join(OUT, 'grade-x2.onnx'))
print('wrote', sorted(os.listdir(OUT)))
